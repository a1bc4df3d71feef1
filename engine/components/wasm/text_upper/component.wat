;; text_upper: upper-cases the ASCII letters of a UTF-8 text (other bytes pass through unchanged).
;; ABI "arcrun-text-v1" (see engine/README.md): alloc(len) -> ptr, run(ptr, len) -> out_len, output_ptr() -> ptr.
(module
  (memory (export "memory") 1)
  (global $out (mut i32) (i32.const 0))

  ;; Room for len bytes at offset 1024; grows memory when the text does not fit.
  (func (export "alloc") (param $len i32) (result i32)
    (local $pages i32)
    (local.set $pages
      (i32.shr_u (i32.add (i32.add (local.get $len) (i32.const 1024)) (i32.const 65535)) (i32.const 16)))
    (if (i32.gt_u (local.get $pages) (memory.size))
      (then
        (if (i32.eq (memory.grow (i32.sub (local.get $pages) (memory.size))) (i32.const -1))
          (then unreachable))))
    (i32.const 1024))

  (func (export "output_ptr") (result i32) (global.get $out))

  ;; Works in place: the output is the input buffer.
  (func (export "run") (param $ptr i32) (param $len i32) (result i32)
    (local $i i32) (local $c i32) (local $at i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $at (i32.add (local.get $ptr) (local.get $i)))
        (local.set $c (i32.load8_u (local.get $at)))
        (if (i32.and (i32.ge_u (local.get $c) (i32.const 97)) (i32.le_u (local.get $c) (i32.const 122)))
          (then (i32.store8 (local.get $at) (i32.sub (local.get $c) (i32.const 32)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (global.set $out (local.get $ptr))
    (local.get $len))
)
