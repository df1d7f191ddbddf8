package app.scribe;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NativeThreadsTest {
    @Test
    void openBlasGetsTheWidestKernelsTheCpuFlagsAllow() {
        String avx2 = "fpu vme de pse tsc msr sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 bmi2";
        assertEquals(Optional.of("Haswell"), NativeThreads.blasCore(avx2));
        assertEquals(Optional.of("SkylakeX"),
                NativeThreads.blasCore(avx2 + " avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16"));
        assertEquals(Optional.of("Haswell"), NativeThreads.blasCore(avx2 + " avx512f avx512cd"),
                "AVX-512 without BW, DQ and VL is not enough for the SkylakeX kernels");
        assertEquals(Optional.empty(), NativeThreads.blasCore("fpu sse sse2 avx"));
        assertEquals(Optional.empty(), NativeThreads.blasCore(""));
    }
}
