package com.tradevault.app.dashboard;

import java.time.Duration;

/**
 * The dashboard's HTML: live (assets by address, data fetched from the
 * API every refresh) or as one self-contained report (assets and data
 * inlined, nothing fetched).
 */
public final class Pages {

    private Pages() {
    }

    /** The page the server sends: it loads its assets from /assets/ and refreshes from /api/. */
    static String live(Assets assets, Duration refresh) {
        return assets.must("index.html").text()
                .replace("<!--STYLES-->", "<link rel=\"stylesheet\" href=\"assets/uPlot.min.css\">"
                        + "<link rel=\"stylesheet\" href=\"assets/dashboard.css\">")
                .replace("<!--DATA-->", "<meta name=\"tradevault-refresh-ms\" content=\"" + refresh.toMillis() + "\">")
                .replace("<!--SCRIPTS-->", "<script src=\"assets/uPlot.iife.min.js\"></script>"
                        + "<script src=\"assets/dashboard.js\"></script>");
    }

    /**
     * One file holding the picture at the time of {@code dataJson}: styles,
     * uPlot and the script inlined, the data embedded; it opens offline.
     */
    public static String report(Assets assets, String dataJson) {
        String safeJson = dataJson.replace("</", "<\\/");
        return assets.must("index.html").text()
                .replace("<!--STYLES-->", "<style>" + assets.must("uPlot.min.css").text() + "\n"
                        + assets.must("dashboard.css").text() + "</style>")
                .replace("<!--DATA-->", "<script>window.TRADEVAULT = {report: " + safeJson + "};</script>")
                .replace("<!--SCRIPTS-->", "<script>" + inline(assets.must("uPlot.iife.min.js").text()) + "</script>"
                        + "<script>" + inline(assets.must("dashboard.js").text()) + "</script>");
    }

    private static String inline(String script) {
        return script.replace("</script", "<\\/script");
    }
}
