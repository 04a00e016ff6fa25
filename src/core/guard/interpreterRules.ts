/**
 * Other languages' interpreters given code on the command line or stdin. Their code is not read
 * as shell; it is unknown code that needs consent as soon as it can reach a shell, another program,
 * the file system or dynamic evaluation. Pure computation (`python3 -c 'import json …'`) runs.
 */
import type { InterpreterSpec } from './types';

export const INTERPRETERS: InterpreterSpec[] = [
  {
    names: ['python', 'python2*', 'python3*', 'pypy*'],
    codeFlags: ['-c'],
    valueFlags: ['-W', '-X', '-m'],
    calls: String.raw`\b(subprocess|pty|shutil|importlib|ctypes|multiprocessing|commands|sh)\b|\bos\s*\.\s*(system|popen|exec\w*|spawn\w*|posix_spawn\w*|remove|unlink|rmdir|removedirs|rename|replace|kill\w*|truncate|fork\w*|chmod|chown)\b|from\s+os\s+import|__import__|__builtins__|\b(exec|eval|compile|getattr|globals|vars)\s*\(|\bopen\s*\([^)]*,\s*(mode\s*=\s*)?["'][^"']*[wax+]`,
  },
  {
    names: ['perl*'],
    codeFlags: ['-e', '-E'],
    valueFlags: ['-I', '-M', '-m'],
    calls: String.raw`\b(system|exec|qx|unlink|rmtree|remove_tree|kill|fork|eval|rename|rmdir|syscall|truncate|chmod|chown)\b|` + '`' + String.raw`|\bopen\s*\(?[^;]*\||\bIPC::|\bPOSIX\b|-M\s*(IPC|POSIX|File::Path)`,
  },
  {
    names: ['node', 'nodejs', 'bun', 'deno'],
    codeFlags: ['-e', '--eval', '-p', '--print'],
    valueFlags: ['-r', '--require', '--import', '--loader'],
    calls: String.raw`child_process|\b(execSync|execFile\w*|spawn\w*|fork)\s*\(|\brequire\s*\(\s*(?!["'](node:)?(fs|path|util|os|url|querystring|crypto|assert|string_decoder|zlib|buffer|events)["']\s*\))|\bimport\s*\(|\bprocess\s*\.\s*(binding|kill|dlopen|mainModule)|\beval\s*\(|\bFunction\s*\(|\b(unlink|rm|rmdir|writeFile|appendFile|rename|truncate|chmod|chown)(Sync)?\s*\(|\bDeno\s*\.\s*(run|Command|remove|writeFile)|\bBun\s*\.\s*(spawn|\$|write)|globalThis|\bmodule\s*\.\s*constructor`,
  },
  {
    names: ['ruby*', 'irb'],
    codeFlags: ['-e'],
    valueFlags: ['-r', '-I'],
    calls: String.raw`\b(system|exec|spawn|fork|syscall|eval|instance_eval|class_eval|send|public_send|require|load)\b|` + '`' + String.raw`|%x|\bIO\s*\.\s*popen|\bOpen3|\bPTY|\bKernel|\bFileUtils|\bFile\s*\.\s*(delete|unlink|rename|write|truncate|chmod)|\bDir\s*\.\s*(delete|rmdir|unlink)|\bProcess\s*\.\s*(kill|spawn|exec)|\bopen\s*\(\s*["']\|`,
  },
  {
    names: ['php*'],
    codeFlags: ['-r'],
    calls: String.raw`\b(system|exec|shell_exec|passthru|proc_open|popen|pcntl_exec|unlink|rmdir|eval|assert|create_function|call_user_func\w*|file_put_contents|rename|include|require)\b|` + '`',
  },
  {
    names: ['lua*', 'luajit'],
    codeFlags: ['-e'],
    calls: String.raw`\bos\s*\.\s*(execute|remove|rename|exit)|\bio\s*\.\s*(popen|open)|\bload(string|file)?\s*\(|\bdofile|\brequire`,
  },
  {
    names: ['awk', 'gawk', 'mawk', 'nawk', 'busybox-awk'],
    codeFlags: [],
    codeIsFirstPositional: true,
    valueFlags: ['-F', '-v', '-f', '--field-separator', '--assign', '--file'],
    calls: String.raw`\bsystem\s*\(|\|\s*getline|\bprint[f]?\b[^;}]*\|\s*["'$a-zA-Z]|\bprint[f]?\b[^;}]*>`,
  },
];
