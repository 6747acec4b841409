package com.reservas.supplier.simulator.http;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the HTTP layer; thread-safe and costly to build, so shared. */
final class JsonSupport {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonSupport() {}
}
