;; The byte gate of byteGate.ts in WebAssembly: the same table, the same steps, and the check of
;; the candidates too, so that a hit on the table (`st` of the trigger `st.` on `…rstuvw…`) does
;; not return to JavaScript. Compiled by scripts/esbuildOptions.cjs (wabt) into the bundles.
;;
;; Memory, laid out by wasmGate.ts:
;;   0        the bit table: bit k is set when some trigger is listed for key k (2^21 bits)
;;   $rank    u16 per 32-bit word of the table: how many bits are set in the words before it
;;   $lists   u32 per set bit, in key order, and one more: where its candidates start in $recs
;;   $recs    12 bytes per candidate: delta (i32, where the trigger starts relative to the
;;            step), length (i32), address of its normalised bytes (i32)
;;   then the trigger bytes, then the text being scanned.
;; The key of the three bytes at i is their low 7 bits each after setting bit 0x20 (lower case
;; for letters); a step reads four bytes, so the text must be followed by three bytes of memory
;; (what they hold does not matter: see `scan`).
(module
  (import "gate" "memory" (memory 1))

  ;; 1 when some trigger lies within [$from, $to), else 0. One step at every second offset from
  ;; $from while a pair is left. The last steps read past $to: their key then holds bytes that
  ;; are not in the range, which only changes which candidates are checked, and every candidate
  ;; is checked against the range; a two-byte trigger is listed with every third byte.
  ;; The candidates' check is inside this function, not a call: the CLI lets V8 optimise one
  ;; function of each module (src/cli/main.ts), and this is the one that runs over every byte.
  (func $scan (export "scan") (param $from i32) (param $to i32)
                        (param $rank i32) (param $lists i32) (param $recs i32) (result i32)
    (local $i i32) (local $w i32) (local $k i32)
    (local $word i32) (local $at i32) (local $end i32) (local $rec i32)
    (local $start i32) (local $n i32) (local $p i32) (local $j i32)
    (local.set $i (local.get $from))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (i32.add (local.get $i) (i32.const 1)) (local.get $to)))
        (local.set $w (i32.or (i32.load (local.get $i)) (i32.const 0x202020)))
        (local.set $k
          (i32.or
            (i32.or
              (i32.and (local.get $w) (i32.const 0x7f))
              (i32.and (i32.shr_u (local.get $w) (i32.const 1)) (i32.const 0x3f80)))
            (i32.and (i32.shr_u (local.get $w) (i32.const 2)) (i32.const 0x1fc000))))
        ;; Bit k of the table: word k >> 5 is at byte (k >> 3) & ~3; the shift takes k mod 32.
        (if (i32.and
              (i32.shr_u
                (i32.load (i32.and (i32.shr_u (local.get $k) (i32.const 3)) (i32.const -4)))
                (local.get $k))
              (i32.const 1))
          (then
            ;; The rank of bit k: set bits in the words before, plus those below it in its own
            ;; word; it indexes the candidates' lists.
            (local.set $word (i32.shr_u (local.get $k) (i32.const 5)))
            (local.set $at
              (i32.add
                (i32.load16_u (i32.add (local.get $rank) (i32.shl (local.get $word) (i32.const 1))))
                (i32.popcnt
                  (i32.and
                    (i32.load (i32.shl (local.get $word) (i32.const 2)))
                    (i32.sub (i32.shl (i32.const 1) (local.get $k)) (i32.const 1))))))
            (local.set $at (i32.add (local.get $lists) (i32.shl (local.get $at) (i32.const 2))))
            (local.set $end (i32.load offset=4 (local.get $at)))
            (local.set $at (i32.load (local.get $at)))
            (block $none
              (loop $candidate
                (br_if $none (i32.ge_u (local.get $at) (local.get $end)))
                (local.set $rec (i32.add (local.get $recs) (i32.mul (local.get $at) (i32.const 12))))
                (local.set $start (i32.add (local.get $i) (i32.load (local.get $rec))))
                (local.set $n (i32.load offset=4 (local.get $rec)))
                (local.set $p (i32.load offset=8 (local.get $rec)))
                ;; Only a trigger whole within the range counts ($from is above 0: no wrap-around).
                (if (i32.and
                      (i32.ge_u (local.get $start) (local.get $from))
                      (i32.le_u (i32.add (local.get $start) (local.get $n)) (local.get $to)))
                  (then
                    (local.set $j (i32.const 0))
                    (block $differs
                      (loop $byte
                        (if (i32.eq (local.get $j) (local.get $n)) (then (return (i32.const 1))))
                        (br_if $differs
                          (i32.ne
                            (i32.and
                              (i32.or (i32.load8_u (i32.add (local.get $start) (local.get $j))) (i32.const 0x20))
                              (i32.const 0x7f))
                            (i32.load8_u (i32.add (local.get $p) (local.get $j)))))
                        (local.set $j (i32.add (local.get $j) (i32.const 1)))
                        (br $byte)))))
                (local.set $at (i32.add (local.get $at) (i32.const 1)))
                (br $candidate)))))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $step)))
    (i32.const 0))
)
