package com.reservas.reservation.adapter.in.web;

import com.reservas.reservation.application.port.in.ReferenceDataQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The seeded catalogue: where cars can be picked up, who rents them, and at what daily rate. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reference data", description = "Offices, suppliers and ACRISS vehicle categories")
class ReferenceDataController {

  private final ReferenceDataQuery query;

  ReferenceDataController(ReferenceDataQuery query) {
    this.query = query;
  }

  record OfficeView(
      String code, String name, String city, String timeZone, OpeningHours openingHours) {}

  record OpeningHours(String opensAt, String closesAt, boolean openAllDay) {}

  record SupplierView(String code, String name, List<String> offices) {}

  record CategoryView(String code, String description, String dailyRate, String currency) {}

  @Operation(summary = "Rental offices, with their time zone and opening hours")
  @GetMapping("/offices")
  Mono<List<OfficeView>> offices() {
    return query
        .referenceData()
        .map(
            data ->
                data.offices().stream()
                    .map(
                        o ->
                            new OfficeView(
                                o.code(),
                                o.name(),
                                o.city(),
                                o.zone().getId(),
                                new OpeningHours(
                                    o.opensAt().toString(),
                                    o.closesAt().toString(),
                                    o.opensAt().equals(o.closesAt()))))
                    .toList());
  }

  @Operation(summary = "Suppliers, with the offices each serves")
  @GetMapping("/suppliers")
  Mono<List<SupplierView>> suppliers() {
    return query
        .referenceData()
        .map(
            data ->
                data.suppliers().stream()
                    .map(
                        s ->
                            new SupplierView(
                                s.code(), s.name(), List.copyOf(data.officesServedBy(s.code()))))
                    .toList());
  }

  @Operation(summary = "ACRISS vehicle categories with their daily rate")
  @GetMapping("/vehicle-categories")
  Mono<List<CategoryView>> categories() {
    return query
        .referenceData()
        .map(
            data ->
                data.categories().stream()
                    .map(
                        c ->
                            new CategoryView(
                                c.code(),
                                c.description(),
                                c.dailyRate().amountText(),
                                c.dailyRate().currency()))
                    .toList());
  }
}
