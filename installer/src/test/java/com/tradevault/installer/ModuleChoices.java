package com.tradevault.installer;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Why the runtime image holds the JDK modules it holds (the jlink.modules property of the pom). */
final class ModuleChoices {

    /** Needed at run time but invisible to jdeps (services, reflection, code on other branches). */
    static final Map<String, String> NOT_SEEN_BY_JDEPS = Map.of(
            "jdk.crypto.ec", "elliptic-curve TLS cipher suites for HTTPS to the exchange (a security provider)",
            "java.net.http", "the HTTP client of the exchange adapter",
            "jdk.unsupported", "sun.misc.Unsafe/Signal used reflectively by libraries",
            "jdk.zipfs", "the zip file system, a service used to read resources from jars");

    /** Found by jdeps in code paths the product never takes. */
    static final Map<String, String> LEFT_OUT = Map.of(
            "java.desktop", "java.beans in Typesafe Config's ConfigBeanFactory and Flyway's bean helper, java.awt.Point"
                    + " in PostgreSQL's PGpoint: none used; would add 12 MB");

    private ModuleChoices() {
    }

    /** The modules and everything they require, as jlink resolves them. */
    static Set<String> closure(Set<String> roots) {
        return Configuration.empty().resolve(ModuleFinder.ofSystem(), ModuleFinder.of(), roots).modules().stream()
                .map(ResolvedModule::name).collect(Collectors.toSet());
    }
}
