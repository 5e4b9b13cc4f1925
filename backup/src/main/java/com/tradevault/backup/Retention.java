package com.tradevault.backup;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which backups to keep: the newest {@code keepLast}; the newest backup of
 * each of the last {@code keepDaily} UTC days that have one; the newest of
 * each of the last {@code keepWeekly} ISO weeks that have one. Counting days
 * and weeks that have backups (not calendar days) means a bot that stopped
 * for a month never has its last good backups pruned away.
 */
public record Retention(int keepLast, int keepDaily, int keepWeekly) {

    /** What pruning does with a list of backups. */
    public record Plan(List<BackupEntry> keep, List<BackupEntry> delete) {
    }

    public Plan plan(List<BackupEntry> backups) {
        List<BackupEntry> newestFirst = new ArrayList<>(backups);
        newestFirst.sort(BackupEntry.NEWEST_FIRST);
        Set<BackupEntry> keep = new LinkedHashSet<>(newestFirst.subList(0, Math.min(keepLast, newestFirst.size())));
        keep.addAll(newestPer(newestFirst, keepDaily, e -> day(e).toString()));
        keep.addAll(newestPer(newestFirst, keepWeekly, Retention::isoWeek));
        List<BackupEntry> delete = newestFirst.stream().filter(e -> !keep.contains(e)).toList();
        return new Plan(newestFirst.stream().filter(keep::contains).toList(), delete);
    }

    private static List<BackupEntry> newestPer(List<BackupEntry> newestFirst, int periods,
                                               Function<BackupEntry, String> period) {
        List<BackupEntry> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (BackupEntry e : newestFirst) {
            if (seen.size() >= periods) {
                break;
            }
            if (seen.add(period.apply(e))) {
                kept.add(e);
            }
        }
        return kept;
    }

    private static LocalDate day(BackupEntry e) {
        return LocalDate.ofInstant(e.takenAt(), ZoneOffset.UTC);
    }

    private static String isoWeek(BackupEntry e) {
        LocalDate d = day(e);
        return d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
