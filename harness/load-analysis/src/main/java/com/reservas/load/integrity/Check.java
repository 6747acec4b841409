package com.reservas.load.integrity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One integrity check and its outcome.
 *
 * @param name what is checked, e.g. "duplicate history rows"
 * @param verdict pass, fail, or skipped (with the reason in {@code detail})
 * @param expected what a healthy platform gives, e.g. "0"
 * @param actual what was found
 * @param detail examples of offenders, or why the check was skipped
 */
public record Check(String name, Verdict verdict, String expected, String actual, String detail) {

  static Check expectZero(String name, long found, String detail) {
    return new Check(
        name, found == 0 ? Verdict.PASS : Verdict.FAIL, "0", Long.toString(found), detail);
  }

  static Check skipped(String name, String reason) {
    return new Check(name, Verdict.SKIPPED, "", "", reason);
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", name);
    map.put("verdict", verdict.name());
    map.put("expected", expected);
    map.put("actual", actual);
    map.put("detail", detail);
    return map;
  }
}
