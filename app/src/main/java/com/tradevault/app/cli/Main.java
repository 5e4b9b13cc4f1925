package com.tradevault.app.cli;

/** The {@code tradevault} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.standard().execute(args));
    }
}
