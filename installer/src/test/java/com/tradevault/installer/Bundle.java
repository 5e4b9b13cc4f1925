package com.tradevault.installer;

import java.nio.file.Path;

/** Where the build put the image and the archive (set by failsafe from the pom). */
final class Bundle {

    static final Path IMAGE = Path.of(property("tradevault.image"));
    static final Path ARCHIVE = Path.of(property("tradevault.archive"));
    static final String VERSION = property("tradevault.version");
    static final Path SOURCE = Path.of(property("tradevault.source")).normalize();

    private Bundle() {
    }

    static Path install() {
        return IMAGE.resolve("install.sh");
    }

    static Path uninstall() {
        return IMAGE.resolve("uninstall.sh");
    }

    /** Whether this bundle has the command (other issues add run, backup, backups, ...). */
    static boolean hasCommand(String name) {
        return new Shell().run(IMAGE.resolve("bin/tradevault"), name, "--help").output()
                .contains("Usage: tradevault " + name + " ");
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests with mvn verify");
        }
        return value;
    }
}
