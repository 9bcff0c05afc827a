package io.orbit.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Naming rules of constants and claims.
 */
class NamesTest
{
    @Test
    void upperSnakeSplitsCamelCaseWordsAndAcronyms()
    {
        assertEquals("BUSY", Names.upperSnake("busy"));
        assertEquals("BUSY_COUNT", Names.upperSnake("busyCount"));
        assertEquals("HTTP_URL", Names.upperSnake("httpURL"));
        assertEquals("HTTP_CODE", Names.upperSnake("HTTPCode"));
        assertEquals("X2_Y", Names.upperSnake("x2Y"));
        assertEquals("ALREADY_SNAKE", Names.upperSnake("already_snake"));
        assertEquals("A", Names.upperSnake("a"));
    }

    @Test
    void claimsLiveInOnePackagePerModule()
    {
        assertEquals("orbit_kinds", Names.claimPackage(""));
        assertEquals("orbit_kinds.com_example_app", Names.claimPackage("com.example.app"));
    }

    @Test
    void claimClassNamesCarryNamespaceKindAndMangledBinaryName()
    {
        assertEquals("K012_com_example_WorkerLoad", Names.claimClassName(ClaimNamespace.RING, 12, "com.example.WorkerLoad"));
        assertEquals("C007_com_example_Outer_Subject", Names.claimClassName(ClaimNamespace.CONTEST, 7, "com.example.Outer$Subject"));
        assertEquals("K200_Top", Names.claimClassName(ClaimNamespace.RING, 200, "Top"));
    }
}
