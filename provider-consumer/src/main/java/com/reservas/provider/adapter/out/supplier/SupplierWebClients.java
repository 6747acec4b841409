package com.reservas.provider.adapter.out.supplier;

import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** Builds the WebClient for the supplier API from {@link SupplierProperties}. */
public final class SupplierWebClients {

  private SupplierWebClients() {}

  /**
   * A client of {@code properties.baseUrl()} with the connect timeout set on the connection and the
   * call timeout as a response timeout (a backstop; the time limiter bounds each attempt).
   */
  public static WebClient create(WebClient.Builder builder, SupplierProperties properties) {
    HttpClient httpClient =
        HttpClient.create()
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(Integer.MAX_VALUE, properties.connectTimeout().toMillis()))
            .responseTimeout(properties.callTimeout());
    return builder
        .clone()
        .baseUrl(properties.baseUrl().toString())
        .clientConnector(new ReactorClientHttpConnector(httpClient))
        .build();
  }
}
