;; word_count: counts the words (runs of non-whitespace bytes) of a UTF-8 text; the output is the count in decimal.
;; ABI "arcrun-text-v1" (see engine/README.md): alloc(len) -> ptr, run(ptr, len) -> out_len, output_ptr() -> ptr.
(module
  (memory (export "memory") 1)
  (global $out (mut i32) (i32.const 0))

  ;; Room for len bytes at offset 1024 plus 16 bytes after them for the digits.
  (func (export "alloc") (param $len i32) (result i32)
    (local $pages i32)
    (local.set $pages
      (i32.shr_u (i32.add (i32.add (local.get $len) (i32.const 1040)) (i32.const 65535)) (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
          (then unreachable))))
    (i32.const 1024))

  (func (export "output_ptr") (result i32) (global.get $out))

  (func $is_space (param $c i32) (result i32)
    (i32.or
      (i32.eq (local.get $c) (i32.const 32))
      (i32.and (i32.ge_u (local.get $c) (i32.const 9)) (i32.le_u (local.get $c) (i32.const 13)))))

  (func (export "run") (param $ptr i32) (param $len i32) (result i32)
    (local $i i32) (local $inword i32) (local $n i32) (local $end i32) (local $p i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (if (call $is_space (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
          (then (local.set $inword (i32.const 0)))
          (else
            (if (i32.eqz (local.get $inword))
              (then
                (local.set $n (i32.add (local.get $n) (i32.const 1)))
                (local.set $inword (i32.const 1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    ;; Digits are written backwards, ending 16 bytes after the input.
    (local.set $end (i32.add (i32.add (local.get $ptr) (local.get $len)) (i32.const 16)))
    (local.set $p (local.get $end))
    (loop $digit
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.rem_u (local.get $n) (i32.const 10))))
      (local.set $n (i32.div_u (local.get $n) (i32.const 10)))
      (br_if $digit (i32.ne (local.get $n) (i32.const 0))))
    (global.set $out (local.get $p))
    (i32.sub (local.get $end) (local.get $p)))
)
