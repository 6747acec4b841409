package com.reservas.reservation.adapter.in.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.reservas.reservation.adapter.in.web.security.ApiKeyAuthentication;
import com.reservas.reservation.application.port.in.ReferenceDataQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The seeded catalogue: where cars can be picked up, who rents them, and at what daily rate. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize(ApiKeyAuthentication.HAS_API_CLIENT_ROLE)
@Tag(name = "Reference data", description = "Offices, suppliers and ACRISS vehicle categories")
class ReferenceDataController {

  private final ReferenceDataQuery query;

  ReferenceDataController(ReferenceDataQuery query) {
    this.query = query;
  }

  @Schema(name = "Office", description = "A rental office: where cars are picked up and returned.")
  record OfficeView(
      @Schema(
              pattern = ReservationView.CATALOGUE_CODE_PATTERN,
              example = "MAD-AIRPORT",
              requiredMode = REQUIRED)
          String code,
      @Schema(example = "Madrid Barajas Airport", requiredMode = REQUIRED) String name,
      @Schema(example = "Madrid", requiredMode = REQUIRED) String city,
      @Schema(
              description = "IANA time zone; pickup and drop-off times are local to it.",
              example = "Europe/Madrid",
              requiredMode = REQUIRED)
          String timeZone,
      @Schema(requiredMode = REQUIRED) OpeningHours openingHours) {}

  @Schema(name = "OpeningHours", description = "When cars can be picked up and returned.")
  record OpeningHours(
      @Schema(
              description = "Local time, HH:mm.",
              pattern = "^[0-9]{2}:[0-9]{2}$",
              example = "07:00",
              requiredMode = REQUIRED)
          String opensAt,
      @Schema(
              description = "Local time, HH:mm.",
              pattern = "^[0-9]{2}:[0-9]{2}$",
              example = "23:00",
              requiredMode = REQUIRED)
          String closesAt,
      @Schema(
              description = "Open around the clock (opensAt equals closesAt).",
              requiredMode = REQUIRED)
          boolean openAllDay) {}

  @Schema(name = "Supplier", description = "A car rental company.")
  record SupplierView(
      @Schema(
              pattern = ReservationView.CATALOGUE_CODE_PATTERN,
              example = "IBERCAR",
              requiredMode = REQUIRED)
          String code,
      @Schema(example = "Ibercar", requiredMode = REQUIRED) String name,
      @Schema(description = "Codes of the offices it serves.", requiredMode = REQUIRED)
          List<String> offices) {}

  @Schema(name = "VehicleCategory", description = "An ACRISS vehicle category and its daily rate.")
  record CategoryView(
      @Schema(
              description = "ACRISS code.",
              pattern = ReservationView.CATALOGUE_CODE_PATTERN,
              example = "CDAR",
              requiredMode = REQUIRED)
          String code,
      @Schema(example = "Compact, 4-5 doors, automatic, air conditioning", requiredMode = REQUIRED)
          String description,
      @Schema(
              description = "Price per started 24 hours, two decimals.",
              pattern = "^[0-9]+\\.[0-9]{2}$",
              example = "103.00",
              requiredMode = REQUIRED)
          String dailyRate,
      @Schema(
              description = "ISO 4217 currency code.",
              pattern = "^[A-Z]{3}$",
              example = "EUR",
              requiredMode = REQUIRED)
          String currency) {}

  @Operation(
      operationId = "listOffices",
      summary = "Rental offices, with their time zone and opening hours")
  @ApiResponse(responseCode = "200", description = "Every office.")
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

  @Operation(operationId = "listSuppliers", summary = "Suppliers, with the offices each serves")
  @ApiResponse(responseCode = "200", description = "Every supplier.")
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

  @Operation(
      operationId = "listVehicleCategories",
      summary = "ACRISS vehicle categories with their daily rate")
  @ApiResponse(responseCode = "200", description = "Every category.")
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
