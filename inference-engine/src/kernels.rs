//! Small vector kernels, and [`dispatch`], which compiles an op twice: for the
//! baseline target and with AVX2 (picked at run time). The integer kernels are
//! exact, so both builds give identical results; float results may differ in the
//! last bit, which the float mode allows.

/// Defines `pub fn NAME(args) -> ret` that runs `body` compiled with AVX2 when
/// the CPU has it, else the baseline build. Wrap whole ops (not tiny kernels) so
/// the feature check is paid once per op and the kernels inline into the loops.
macro_rules! dispatch {
    ($(#[$doc:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)? $body:block) => {
        $(#[$doc])*
        #[allow(clippy::too_many_arguments)]
        $vis fn $name($($arg: $ty),*) $(-> $ret)? {
            #[inline(always)]
            #[allow(clippy::too_many_arguments)]
            fn generic($($arg: $ty),*) $(-> $ret)? $body
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx2")]
                #[allow(clippy::too_many_arguments)]
                unsafe fn avx2($($arg: $ty),*) $(-> $ret)? { generic($($arg),*) }
                if std::arch::is_x86_feature_detected!("avx2") {
                    // SAFETY: the CPU supports AVX2 (checked just above).
                    return unsafe { avx2($($arg),*) };
                }
            }
            generic($($arg),*)
        }
    };
}
pub(crate) use dispatch;

/// `Σ a[i]·b[i]` over `i32` operands, accumulated exactly in `i64`.
#[inline(always)]
pub fn dot_i32(a: &[i32], b: &[i32]) -> i64 {
	let n = a.len().min(b.len());
	let (a, b) = (&a[..n], &b[..n]);
	// Independent lanes let the compiler vectorize (integer sums are exact
	// in any order).
	let mut lanes = [0i64; 8];
	let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
	let (ra, rb) = (ca.remainder(), cb.remainder());
	for (x, y) in ca.zip(cb) {
		for l in 0..8 {
			lanes[l] += x[l] as i64 * y[l] as i64;
		}
	}
	let tail: i64 = ra.iter().zip(rb).map(|(&x, &y)| x as i64 * y as i64).sum();
	lanes.iter().sum::<i64>() + tail
}

/// `acc[i] += w · x[i]`, exact.
#[inline(always)]
pub fn axpy_i32(acc: &mut [i64], w: i32, x: &[i32]) {
	let w = w as i64;
	for (a, &v) in acc.iter_mut().zip(x) {
		*a += w * v as i64;
	}
}

/// `acc[i] += w · x[i]` in `f32`.
#[inline(always)]
pub fn axpy_f32(acc: &mut [f32], w: f32, x: &[f32]) {
	for (a, &v) in acc.iter_mut().zip(x) {
		*a += w * v;
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn dot_is_exact() {
		let a: Vec<i32> = (0..37).map(|i| (i * 7919 % 65536) - 32768).collect();
		let b: Vec<i32> = (0..37).map(|i| (i * 104729 % 65536) - 32768).collect();
		let expected: i64 = a.iter().zip(&b).map(|(x, y)| *x as i64 * *y as i64).sum();
		assert_eq!(dot_i32(&a, &b), expected);
		let mut acc = vec![1i64; 37];
		axpy_i32(&mut acc, -3, &a);
		assert_eq!(acc[5], 1 - 3 * a[5] as i64);
	}
}
