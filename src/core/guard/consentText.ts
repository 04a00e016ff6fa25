/** The words of consent, the same in the editor's dialogs, the CLI's refusal and Explain. */
import type { KubeTarget } from '../kube/types';
import { describeBlock } from '../runbook/blockLabel';

type Described = Parameters<typeof describeBlock>[0];

/** `prod-eu/photon-mlir`, or what kubectl falls back to when no target is chosen. */
export function targetText(target: KubeTarget | null | undefined, none = 'your current kubeconfig context (no cluster selected in Runbook Lens)'): string {
  return target ? `${target.context}/${target.namespace}` : none;
}

/** describeBlock, with the fence line when the name alone does not say where the block is. */
export function describeWithLine(block: Described): string {
  return `${describeBlock(block)}${block.name && !block.selectedLines ? ` (line ${block.line})` : ''}`;
}

/** `Run “Restart the deployment” in Recovery › Service Restart on prod-eu/photon-mlir?` */
export function consentQuestion(block: Described, target: KubeTarget | null | undefined): string {
  return `Run ${describeBlock(block)} on ${targetText(target)}?`;
}

export function typeContextPrompt(block: Described, context: string): string {
  return `Type the context name "${context}" to run ${describeBlock(block)} there`;
}

/** `Refused “Restart the deployment” in Recovery › Service Restart (line 85). Nothing ran.` */
export function refusedText(block: Described): string {
  return `Refused ${describeWithLine(block)}. Nothing ran.`;
}
