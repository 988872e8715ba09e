package org.tunebook.evolution;

/**
 * CPython's {@code random.Random}: MT19937 seeded by {@code init_by_array} with the 32-bit words of |seed|,
 * 53-bit doubles from two draws, {@code _randbelow} by rejection on {@code getrandbits(bit_length(n))}, and
 * {@code gauss} with its cached second deviate. Written from the published MT19937 reference algorithm and
 * the semantics of Python's random module.
 */
public final class PythonRandom implements Rng {
    private static final int N = 624;
    private static final int M = 397;
    /** init_genrand(19650218), the start of every init_by_array: computed once. */
    private static final int[] BASE = new int[N];

    static {
        BASE[0] = 19650218;
        for (int i = 1; i < N; i++) BASE[i] = 1812433253 * (BASE[i - 1] ^ (BASE[i - 1] >>> 30)) + i;
    }

    private final int[] mt = new int[N];
    private int mti;
    private double gaussNext;
    private boolean hasGauss;

    public PythonRandom(long seed) {
        seed(seed);
    }

    /** Re-seeds as {@code random.seed(seed)}. */
    public void seed(long seed) {
        long a = seed == Long.MIN_VALUE ? Long.MIN_VALUE : Math.abs(seed); // |Long.MIN_VALUE| as unsigned bits
        int[] key;
        if (a == 0) {
            key = new int[]{0};
        } else {
            int hi = (int) (a >>> 32);
            key = hi == 0 ? new int[]{(int) a} : new int[]{(int) a, hi};
        }
        initByArray(key);
        hasGauss = false;
    }

    private void initByArray(int[] key) {
        System.arraycopy(BASE, 0, mt, 0, N);
        int i = 1, j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) j = 0;
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
        mti = N;
    }

    /** The next 32 random bits (genrand_uint32). */
    public int nextInt32() {
        if (mti >= N) {
            int kk;
            for (kk = 0; kk < N - M; kk++) {
                int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            for (; kk < N - 1; kk++) {
                int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            int y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            mti = 0;
        }
        int y = mt[mti++];
        y ^= (y >>> 11);
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= (y >>> 18);
        return y;
    }

    @Override
    public double random() {
        long a = (nextInt32() >>> 5) & 0xffffffffL;
        long b = (nextInt32() >>> 6) & 0xffffffffL;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    /** {@code getrandbits(k)} for 1 <= k <= 31. */
    private int getrandbits(int k) {
        return nextInt32() >>> (32 - k);
    }

    @Override
    public int randbelow(int n) {
        if (n < 1) throw new IllegalArgumentException("randbelow needs n >= 1, got " + n);
        int k = 32 - Integer.numberOfLeadingZeros(n);
        int r = getrandbits(k);
        while (r >= n) r = getrandbits(k);
        return r;
    }

    @Override
    public double gauss(double mu, double sigma) {
        double z;
        if (hasGauss) {
            z = gaussNext;
            hasGauss = false;
        } else {
            double x2pi = random() * (2 * Math.PI);
            double g2rad = Math.sqrt(-2.0 * Math.log(1.0 - random()));
            z = Math.cos(x2pi) * g2rad;
            gaussNext = Math.sin(x2pi) * g2rad;
            hasGauss = true;
        }
        return mu + z * sigma;
    }
}
