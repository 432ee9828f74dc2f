#pragma once
// Counter-based random numbers for risk analysis: every draw is a function of (seed, sample,
// item, stream), so a sample is the same computed alone, in a chunk, on any thread or machine.
// Philox4x32-10 (Random123): the counter is (sample low, sample high, item, stream), the key
// the seed; one call gives four 32-bit words, each a uniform in (0, 1) of 32-bit resolution.
// Not public API.

#include <Random123/philox.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#endif

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace aligngraph::detail {

/// What a Philox call is for: its counter's fourth word.
enum class RiskStream : std::uint32_t { item = 0, event = 1, permutation = 2, single = 3 };

inline std::array<std::uint32_t, 4> philox_words(std::uint64_t seed, std::uint64_t sample, std::uint32_t item, RiskStream stream) {
    r123::Philox4x32 rng;
    const r123::Philox4x32::ctr_type c = {{static_cast<std::uint32_t>(sample), static_cast<std::uint32_t>(sample >> 32), item,
                                           static_cast<std::uint32_t>(stream)}};
    const r123::Philox4x32::key_type k = {{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}};
    const auto r = rng(c, k);
    return {r[0], r[1], r[2], r[3]};
}

/// philox_words() of samples first, first + 1, ..., first + count - 1 (the same item and
/// stream), word v of sample first + s into out[v][s]: the same bits, four samples at a time
/// where SSE2 is there (every x86-64).
inline void philox_batch(std::uint64_t seed, std::uint64_t first, std::size_t count, std::uint32_t item, RiskStream stream,
                         std::uint32_t* out0, std::uint32_t* out1, std::uint32_t* out2, std::uint32_t* out3) {
    std::size_t s = 0;
#if defined(__SSE2__)
    // Four counters per 128-bit register: _mm_mul_epu32 multiplies lanes 0 and 2 into 64 bits,
    // the same of the register shifted by 32 lanes 1 and 3; the halves are put back in place.
    const __m128i m0 = _mm_set1_epi32(static_cast<int>(0xD2511F53u)), m1 = _mm_set1_epi32(static_cast<int>(0xCD9E8D57u));
    const __m128i low_half = _mm_set_epi32(0, -1, 0, -1), high_half = _mm_set_epi32(-1, 0, -1, 0);
    for (; s + 4 <= count; s += 4) {
        const std::uint64_t a = first + s;
        __m128i c0 = _mm_set_epi32(static_cast<int>(static_cast<std::uint32_t>(a + 3)), static_cast<int>(static_cast<std::uint32_t>(a + 2)),
                                   static_cast<int>(static_cast<std::uint32_t>(a + 1)), static_cast<int>(static_cast<std::uint32_t>(a)));
        __m128i c1 = _mm_set_epi32(static_cast<int>(static_cast<std::uint32_t>((a + 3) >> 32)),
                                   static_cast<int>(static_cast<std::uint32_t>((a + 2) >> 32)),
                                   static_cast<int>(static_cast<std::uint32_t>((a + 1) >> 32)), static_cast<int>(static_cast<std::uint32_t>(a >> 32)));
        __m128i c2 = _mm_set1_epi32(static_cast<int>(item));
        __m128i c3 = _mm_set1_epi32(static_cast<int>(static_cast<std::uint32_t>(stream)));
        std::uint32_t k0 = static_cast<std::uint32_t>(seed), k1 = static_cast<std::uint32_t>(seed >> 32);
        for (int round = 0; round < 10; ++round) {
            const __m128i p0even = _mm_mul_epu32(c0, m0), p0odd = _mm_mul_epu32(_mm_srli_epi64(c0, 32), m0);
            const __m128i p1even = _mm_mul_epu32(c2, m1), p1odd = _mm_mul_epu32(_mm_srli_epi64(c2, 32), m1);
            const __m128i lo0 = _mm_or_si128(_mm_and_si128(p0even, low_half), _mm_slli_epi64(p0odd, 32));
            const __m128i hi0 = _mm_or_si128(_mm_srli_epi64(p0even, 32), _mm_and_si128(p0odd, high_half));
            const __m128i lo1 = _mm_or_si128(_mm_and_si128(p1even, low_half), _mm_slli_epi64(p1odd, 32));
            const __m128i hi1 = _mm_or_si128(_mm_srli_epi64(p1even, 32), _mm_and_si128(p1odd, high_half));
            c0 = _mm_xor_si128(_mm_xor_si128(hi1, c1), _mm_set1_epi32(static_cast<int>(k0)));
            c2 = _mm_xor_si128(_mm_xor_si128(hi0, c3), _mm_set1_epi32(static_cast<int>(k1)));
            c1 = lo1;
            c3 = lo0;
            k0 += 0x9E3779B9u;
            k1 += 0xBB67AE85u;
        }
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out0 + s), c0);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out1 + s), c1);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out2 + s), c2);
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out3 + s), c3);
    }
#endif
    for (; s < count; ++s) {
        const auto r = philox_words(seed, first + s, item, stream);
        out0[s] = r[0];
        out1[s] = r[1];
        out2[s] = r[2];
        out3[s] = r[3];
    }
}

#if defined(__GNUC__) && defined(__x86_64__)
#define ALIGNGRAPH_RISK_AVX2 1
/// philox_batch's words of samples first .. first + count - 1 as open uniforms, eight
/// counters per 256-bit register (AVX2: called only where the processor has it). Returns how
/// many samples it did (a multiple of 8; the rest is the caller's). Integer arithmetic and
/// exact conversions: the same bits as philox_words() and open_uniform().
__attribute__((target("avx2"), noinline)) inline std::size_t philox_uniforms_avx2(std::uint64_t seed, std::uint64_t first, std::size_t count,
                                                                       std::uint32_t item, RiskStream stream,
                                                                       const std::array<double*, 4>& out) {
    const __m256i m0 = _mm256_set1_epi32(static_cast<int>(0xD2511F53u)), m1 = _mm256_set1_epi32(static_cast<int>(0xCD9E8D57u));
    const __m256i low_half = _mm256_set_epi32(0, -1, 0, -1, 0, -1, 0, -1), high_half = _mm256_set_epi32(-1, 0, -1, 0, -1, 0, -1, 0);
    const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    const __m128i sign = _mm_set1_epi32(static_cast<int>(0x80000000u));
    const __m256d two31 = _mm256_set1_pd(2147483648.0), half = _mm256_set1_pd(0.5), scale = _mm256_set1_pd(0x1p-32);
    std::size_t s = 0;
    for (; s + 8 <= count; s += 8) {
        const std::uint64_t a = first + s;
        if ((a & 0xFFFFFFFFu) > 0xFFFFFFFFu - 7) break;  // the low word wraps within these eight: the caller's
        __m256i c0 = _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(static_cast<std::uint32_t>(a))), lanes);
        __m256i c1 = _mm256_set1_epi32(static_cast<int>(static_cast<std::uint32_t>(a >> 32)));
        __m256i c2 = _mm256_set1_epi32(static_cast<int>(item));
        __m256i c3 = _mm256_set1_epi32(static_cast<int>(static_cast<std::uint32_t>(stream)));
        std::uint32_t k0 = static_cast<std::uint32_t>(seed), k1 = static_cast<std::uint32_t>(seed >> 32);
        for (int round = 0; round < 10; ++round) {
            const __m256i p0even = _mm256_mul_epu32(c0, m0), p0odd = _mm256_mul_epu32(_mm256_srli_epi64(c0, 32), m0);
            const __m256i p1even = _mm256_mul_epu32(c2, m1), p1odd = _mm256_mul_epu32(_mm256_srli_epi64(c2, 32), m1);
            const __m256i lo0 = _mm256_or_si256(_mm256_and_si256(p0even, low_half), _mm256_slli_epi64(p0odd, 32));
            const __m256i hi0 = _mm256_or_si256(_mm256_srli_epi64(p0even, 32), _mm256_and_si256(p0odd, high_half));
            const __m256i lo1 = _mm256_or_si256(_mm256_and_si256(p1even, low_half), _mm256_slli_epi64(p1odd, 32));
            const __m256i hi1 = _mm256_or_si256(_mm256_srli_epi64(p1even, 32), _mm256_and_si256(p1odd, high_half));
            c0 = _mm256_xor_si256(_mm256_xor_si256(hi1, c1), _mm256_set1_epi32(static_cast<int>(k0)));
            c2 = _mm256_xor_si256(_mm256_xor_si256(hi0, c3), _mm256_set1_epi32(static_cast<int>(k1)));
            c1 = lo1;
            c3 = lo0;
            k0 += 0x9E3779B9u;
            k1 += 0xBB67AE85u;
        }
        const __m256i words[4] = {c0, c1, c2, c3};
        for (int v = 0; v < 4; ++v)
            for (int h = 0; h < 2; ++h) {
                // Unsigned to double exactly: flip the sign bit, convert as signed, add 2^31.
                const __m128i w = h ? _mm256_extracti128_si256(words[v], 1) : _mm256_castsi256_si128(words[v]);
                const __m256d d = _mm256_add_pd(_mm256_cvtepi32_pd(_mm_xor_si128(w, sign)), two31);
                _mm256_storeu_pd(out[static_cast<std::size_t>(v)] + s + 4 * h, _mm256_mul_pd(_mm256_add_pd(d, half), scale));
            }
    }
    return s;
}
// GCC 12 warns of its own AVX-512 intrinsics' undefined operands (its bug 105593).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
/// philox_uniforms_avx2() with sixteen counters per 512-bit register (AVX-512F).
__attribute__((target("avx512f"), noinline)) inline std::size_t philox_uniforms_avx512(std::uint64_t seed, std::uint64_t first, std::size_t count,
                                                                            std::uint32_t item, RiskStream stream,
                                                                            const std::array<double*, 4>& out) {
    const __m512i m0 = _mm512_set1_epi32(static_cast<int>(0xD2511F53u)), m1 = _mm512_set1_epi32(static_cast<int>(0xCD9E8D57u));
    const __m512i low_half = _mm512_set1_epi64(0x00000000FFFFFFFFll), high_half = _mm512_set1_epi64(static_cast<long long>(0xFFFFFFFF00000000ull));
    const __m512i lanes = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    const __m512d half = _mm512_set1_pd(0.5), scale = _mm512_set1_pd(0x1p-32);
    std::size_t s = 0;
    for (; s + 16 <= count; s += 16) {
        const std::uint64_t a = first + s;
        if ((a & 0xFFFFFFFFu) > 0xFFFFFFFFu - 15) break;  // the low word wraps within these sixteen: the caller's
        __m512i c0 = _mm512_add_epi32(_mm512_set1_epi32(static_cast<int>(static_cast<std::uint32_t>(a))), lanes);
        __m512i c1 = _mm512_set1_epi32(static_cast<int>(static_cast<std::uint32_t>(a >> 32)));
        __m512i c2 = _mm512_set1_epi32(static_cast<int>(item));
        __m512i c3 = _mm512_set1_epi32(static_cast<int>(static_cast<std::uint32_t>(stream)));
        std::uint32_t k0 = static_cast<std::uint32_t>(seed), k1 = static_cast<std::uint32_t>(seed >> 32);
        for (int round = 0; round < 10; ++round) {
            const __m512i p0even = _mm512_mul_epu32(c0, m0), p0odd = _mm512_mul_epu32(_mm512_srli_epi64(c0, 32), m0);
            const __m512i p1even = _mm512_mul_epu32(c2, m1), p1odd = _mm512_mul_epu32(_mm512_srli_epi64(c2, 32), m1);
            const __m512i lo0 = _mm512_or_si512(_mm512_and_si512(p0even, low_half), _mm512_slli_epi64(p0odd, 32));
            const __m512i hi0 = _mm512_or_si512(_mm512_srli_epi64(p0even, 32), _mm512_and_si512(p0odd, high_half));
            const __m512i lo1 = _mm512_or_si512(_mm512_and_si512(p1even, low_half), _mm512_slli_epi64(p1odd, 32));
            const __m512i hi1 = _mm512_or_si512(_mm512_srli_epi64(p1even, 32), _mm512_and_si512(p1odd, high_half));
            c0 = _mm512_xor_si512(_mm512_xor_si512(hi1, c1), _mm512_set1_epi32(static_cast<int>(k0)));
            c2 = _mm512_xor_si512(_mm512_xor_si512(hi0, c3), _mm512_set1_epi32(static_cast<int>(k1)));
            c1 = lo1;
            c3 = lo0;
            k0 += 0x9E3779B9u;
            k1 += 0xBB67AE85u;
        }
        const __m512i words[4] = {c0, c1, c2, c3};
        for (int v = 0; v < 4; ++v)
            for (int h = 0; h < 2; ++h) {
                // Unsigned to double exactly (AVX-512 converts unsigned words itself).
                const __m256i w = h ? _mm512_extracti64x4_epi64(words[v], 1) : _mm512_castsi512_si256(words[v]);
                _mm512_storeu_pd(out[static_cast<std::size_t>(v)] + s + 8 * h, _mm512_mul_pd(_mm512_add_pd(_mm512_cvtepu32_pd(w), half), scale));
            }
    }
    return s;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#endif

/// philox_words() of samples first .. first + count - 1 (one item and stream) as open
/// uniforms, word v into out[v][s]: AVX-512 or AVX2 where the processor has them, else four
/// at a time (SSE2), the same bits either way.
inline void philox_uniforms(std::uint64_t seed, std::uint64_t first, std::size_t count, std::uint32_t item, RiskStream stream,
                            const std::array<double*, 4>& out, std::vector<std::uint32_t>& words) {
    std::size_t done = 0;
#ifdef ALIGNGRAPH_RISK_AVX2
    static const bool avx512 = __builtin_cpu_supports("avx512f"), avx2 = __builtin_cpu_supports("avx2");
    if (avx512) done = philox_uniforms_avx512(seed, first, count, item, stream, out);
    if (avx2 && done < count) {
        const std::array<double*, 4> rest{out[0] + done, out[1] + done, out[2] + done, out[3] + done};
        done += philox_uniforms_avx2(seed, first + done, count - done, item, stream, rest);
    }
#endif
    if (done == count) return;
    const std::size_t rest = count - done;
    words.resize(4 * rest);
    std::uint32_t* w = words.data();
    philox_batch(seed, first + done, rest, item, stream, w, w + rest, w + 2 * rest, w + 3 * rest);
    for (std::size_t v = 0; v < 4; ++v)
        for (std::size_t s = 0; s < rest; ++s) out[v][done + s] = (static_cast<double>(w[v * rest + s]) + 0.5) * 0x1p-32;
}

/// A 32-bit word as a uniform in the open interval (0, 1): (w + 1/2) / 2^32.
inline double open_uniform(std::uint32_t w) { return (static_cast<double>(w) + 0.5) * 0x1p-32; }

/// The standard normal distribution function.
inline double normal_cdf(double z) { return 0.5 * std::erfc(-z * 0.70710678118654752440); }

/// The standard normal quantile, Wichura's algorithm AS 241 (PPND16, about 1e-16 relative).
inline double normal_quantile(double p) {
    const double q = p - 0.5;
    if (std::abs(q) <= 0.425) {
        const double r = 0.180625 - q * q;
        return q *
               (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
                    45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
                 133.14166789178437745) * r + 3.387132872796366608) /
               (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
                    21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
                 42.313330701600911252) * r + 1.0);
    }
    double r = q < 0 ? p : 1 - p;
    r = std::sqrt(-std::log(r));
    double v;
    if (r <= 5) {
        r -= 1.6;
        v = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
                 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
              4.6303378461565452959) * r + 1.42343711074968357734) /
            (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
                 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
              2.05319162663775882187) * r + 1.0);
    } else {
        r -= 5;
        v = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
                 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
              5.4637849111641143699) * r + 6.6579046435011037772) /
            (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
                 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
              0.59983220655588793769) * r + 1.0);
    }
    return q < 0 ? -v : v;
}

/// normal_quantile(p[s]) into z[s] for s < count, the same bits: the central region's rational
/// function for every s in one loop without branches (which the compiler vectorises), then
/// the tails one by one.
inline void normal_quantiles(const double* p, double* z, std::size_t count) {
    for (std::size_t s = 0; s < count; ++s) {
        const double q = p[s] - 0.5;
        const double r = 0.180625 - q * q;
        z[s] = q *
               (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
                    45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
                 133.14166789178437745) * r + 3.387132872796366608) /
               (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
                    21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
                 42.313330701600911252) * r + 1.0);
    }
    for (std::size_t s = 0; s < count; ++s)
        if (!(std::abs(p[s] - 0.5) <= 0.425)) z[s] = normal_quantile(p[s]);
}

/// The 95th percentile of the standard normal: low and high of a normal or lognormal estimate
/// are its 5th and 95th percentiles.
inline constexpr double z95 = 1.6448536269514722;

}  // namespace aligngraph::detail
