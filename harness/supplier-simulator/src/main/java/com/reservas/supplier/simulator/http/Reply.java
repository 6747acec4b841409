package com.reservas.supplier.simulator.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * An HTTP answer worked out before anything is sent, so that an injected failure can still replace
 * it and the exchange log can show it.
 */
record Reply(HttpResponseStatus status, Map<String, String> headers, String body) {

  static final String JSON = "application/json";

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply json(HttpResponseStatus status, String body) {
    return new Reply(status, Map.of(), body);
  }

  static Reply noContent() {
    return new Reply(HttpResponseStatus.NO_CONTENT, Map.of(), "");
  }

  Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, more, body);
  }

  Mono<Void> sendTo(HttpServerResponse response) {
    response.status(status);
    headers.forEach(response::header);
    if (body.isEmpty()) {
      return response.send().then();
    }
    return response.header(HttpHeaderNames.CONTENT_TYPE, JSON).sendString(Mono.just(body)).then();
  }
}
