package com.tradevault.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.cli.Cli;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ManPageTest {

    @Test
    void textIsEscapedForTroff() {
        assertEquals("setup\\-db", ManPage.text("setup-db"));
        assertEquals("C:\\ePATH", ManPage.text("C:\\PATH"));
        assertEquals("\\&.hidden line", ManPage.text(".hidden line"));
        assertEquals("\\&'quoted", ManPage.text("'quoted"));
    }

    @Test
    void pageHasAHeaderAndASectionPerLeafCommand() {
        CommandLine tradevault = new Cli(Map.of(), Clock.systemUTC()).commandLine();
        String page = new ManPage(tradevault.getCommandSpec(), "9.9.9", "2026-01-02").render();
        assertTrue(page.startsWith(".TH TRADEVAULT 1 \"2026-01-02\" \"tradevault 9.9.9\" \"tradevault manual\"\n"), page);
        for (String section : new String[] {".SS tradevault setup\\-db\n", ".SS tradevault status\n",
                ".SS tradevault db rekey\n", ".SH EXIT STATUS\n", ".SH FILES\n"}) {
            assertTrue(page.contains(section), "missing " + section);
        }
    }
}
