package com.tradevault.app.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The page and everything it loads, from the jar: the HTML, its script and
 * style, and uPlot (the charting library, from its webjar). Nothing comes
 * from the internet, so the page works on a server without it.
 */
public final class Assets {

    /** The uPlot version bundled through the {@code org.webjars.npm:uplot} dependency. */
    static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";

    /** One served file. */
    public record Asset(String type, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final Map<String, Asset> byName = new LinkedHashMap<>();

    /** Loads every asset once; a missing one is a broken build and fails at once. */
    public static Assets load() {
        Assets a = new Assets();
        a.add("index.html", "dashboard/index.html", "text/html; charset=utf-8");
        a.add("dashboard.js", "dashboard/dashboard.js", "text/javascript; charset=utf-8");
        a.add("dashboard.css", "dashboard/dashboard.css", "text/css; charset=utf-8");
        a.add("uPlot.iife.min.js", UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8");
        a.add("uPlot.min.css", UPLOT + "uPlot.min.css", "text/css; charset=utf-8");
        return a;
    }

    private void add(String name, String resource, String type) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard asset " + resource + " is missing from the jar");
            }
            byName.put(name, new Asset(type, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Asset> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** An asset that exists (the page's own). */
    public Asset must(String name) {
        return get(name).orElseThrow();
    }
}
