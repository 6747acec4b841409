package com.reservas.starter.seal;

import com.reservas.schemas.seal.TokenSeal;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@link TokenSeal} of a service that writes or reads the sealed payment-method token. Imported
 * by those services only, so no other service needs (or holds) the key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenSealProperties.class)
public class TokenSealConfiguration {

  @Bean
  TokenSeal tokenSeal(TokenSealProperties properties, Environment environment) {
    return properties.toSeal(environment.matchesProfiles("local"));
  }
}
