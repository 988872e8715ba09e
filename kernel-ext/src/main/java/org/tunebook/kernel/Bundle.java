package org.tunebook.kernel;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A kernel-neutral display bundle: MIME type to data, in the order a front end should prefer them
 * (image/png first, then text/html, then text/plain). Binary data (PNG) is stored base64-encoded, as
 * Jupyter's messages carry it. Each kernel adapter turns a bundle into its own DisplayData.
 */
public final class Bundle {
    public static final String PNG = "image/png";
    public static final String HTML = "text/html";
    public static final String TEXT = "text/plain";
    public static final String SVG = "image/svg+xml";

    private final Map<String, String> data;

    private Bundle(Map<String, String> data) {
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** MIME type to data (base64 for binary types), in preference order. */
    public Map<String, String> data() {
        return data;
    }

    public String get(String mime) {
        return data.get(mime);
    }

    public boolean has(String mime) {
        return data.containsKey(mime);
    }

    /** The text/plain entry (every bundle has one). */
    public String text() {
        return data.get(TEXT);
    }

    @Override
    public String toString() {
        return text();
    }

    public static final class Builder {
        private final Map<String, String> data = new LinkedHashMap<>();

        public Builder png(byte[] png) {
            data.put(PNG, Base64.getEncoder().encodeToString(png));
            return this;
        }

        public Builder html(String html) {
            data.put(HTML, Objects.requireNonNull(html, "html"));
            return this;
        }

        public Builder svg(String svg) {
            data.put(SVG, Objects.requireNonNull(svg, "svg"));
            return this;
        }

        public Builder text(String text) {
            data.put(TEXT, Objects.requireNonNull(text, "text"));
            return this;
        }

        public Builder put(String mime, String value) {
            data.put(Objects.requireNonNull(mime, "mime"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Bundle build() {
            if (!data.containsKey(TEXT)) {
                throw new IllegalStateException("a display bundle needs a text/plain entry: call text(...)");
            }
            return new Bundle(data);
        }
    }
}
