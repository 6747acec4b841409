package com.reservas.starter;

import com.reservas.starter.web.KeepAliveStallGuard;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import reactor.netty.http.server.HttpServer;

/** What every service's Reactor Netty server needs beyond Spring Boot's defaults. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(HttpServer.class)
public class HttpServerAutoConfiguration {

  @Bean
  public KeepAliveStallGuard keepAliveStallGuard() {
    return new KeepAliveStallGuard();
  }
}
