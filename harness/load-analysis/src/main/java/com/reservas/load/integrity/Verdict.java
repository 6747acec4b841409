package com.reservas.load.integrity;

/** The outcome of one integrity check. Skipped is not passed: it says what could not be checked. */
public enum Verdict {
  PASS,
  FAIL,
  SKIPPED
}
