package com.tradevault.app.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.faults.CrashPoints.Point;
import org.junit.jupiter.api.Test;

class CrashPointsTest {

    @Test
    void noneNeverHalts() {
        for (Point p : Point.values()) {
            for (int i = 0; i < 3; i++) {
                assertFalse(CrashPoints.NONE.shouldHalt(p));
            }
        }
    }

    @Test
    void armedPointHaltsTheNthTimeItIsReachedAndNoOtherPointDoes() {
        CrashPoints points = CrashPoints.armedAt("between-cancel-and-place:2");
        assertFalse(points.shouldHalt(Point.AFTER_INTENT_COMMIT));
        assertFalse(points.shouldHalt(Point.BETWEEN_CANCEL_AND_PLACE));
        assertTrue(points.shouldHalt(Point.BETWEEN_CANCEL_AND_PLACE));
        assertFalse(points.shouldHalt(Point.BETWEEN_CANCEL_AND_PLACE));
    }

    @Test
    void withoutACountThePointHaltsTheFirstTime() {
        assertTrue(CrashPoints.armedAt("hang-in-scan-loop").shouldHalt(Point.HANG_IN_SCAN_LOOP));
    }

    @Test
    void anUnknownPointIsRefusedNamingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrashPoints.armedAt("after-lunch"));
        assertEquals("--test-crash-at after-lunch names no crash point", e.getMessage());
        assertEquals("write --test-crash-at=<point>[:<n>] (halt the n-th time it is reached), the point one of"
                + " after-intent-commit, after-send-before-ack, between-cancel-and-place, mid-fill-record,"
                + " before-alert-delivery, hang-in-scan-loop", CrashPoints.USAGE);
    }

    @Test
    void aCountThatIsNotAPositiveWholeNumberIsRefused() {
        for (String bad : new String[] {"mid-fill-record:0", "mid-fill-record:x", "mid-fill-record:-1",
                "mid-fill-record:"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrashPoints.armedAt(bad));
            assertEquals("--test-crash-at " + bad + ": the count after ':' must be a whole number from 1",
                    e.getMessage());
        }
    }
}
