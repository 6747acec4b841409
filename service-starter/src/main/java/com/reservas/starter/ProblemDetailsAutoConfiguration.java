package com.reservas.starter;

import com.reservas.starter.web.ProblemInstance;
import com.reservas.starter.web.ProblemWriter;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.ObjectMapper;

/**
 * Problem details the same way in every service: {@link ProblemWriter} for filters and error
 * handlers, and a last guard on the problem documents controllers return: an {@code instance} that
 * Spring filled in from the request path is masked ({@link ProblemInstance#masked}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemDetailsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public ProblemWriter problemWriter(ObjectMapper json) {
    return new ProblemWriter(json);
  }

  @Bean
  public WebFluxConfigurer maskedProblemInstances() {
    return new WebFluxConfigurer() {
      @Override
      public void addErrorResponseInterceptors(List<ErrorResponse.Interceptor> interceptors) {
        interceptors.add(
            (problem, response) -> {
              if (problem.getInstance() != null) {
                problem.setInstance(ProblemInstance.masked(problem.getInstance().getRawPath()));
              }
            });
      }
    };
  }
}
