package app.scribe;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Issue 23, item 13: the relaunched child gets the arguments unchanged, a trailing empty one included. */
    @Test
    void emptyArgumentsSurviveTheRelaunch() {
        byte[] cmdline = "java\0-cp\0x.jar\0generate\0--prompt\0\0".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("java", "-cp", "x.jar", "generate", "--prompt", ""), NativeThreads.arguments(cmdline));
        assertEquals(List.of("java", "", "a"), NativeThreads.arguments("java\0\0a\0".getBytes(StandardCharsets.UTF_8)));
    }

    /** Issue 23, item 14: a launcher killed but not yet reaped (a zombie) counts as gone. */
    @Test
    void aZombieLauncherIsGone() {
        assertTrue(NativeThreads.running("4242 (java) S 1 4242 4242 0 -1 4194560 1 0 0 0"));
        assertTrue(NativeThreads.running("4242 (my (odd) name) R 1 4242"));
        assertFalse(NativeThreads.running("4242 (java) Z 1 4242 4242 0 -1 4227084 1 0 0 0"));
        assertFalse(NativeThreads.running("4242 (a) b) X 1"));
    }
}
