package com.reservas.supplier.simulator.http;

import com.reservas.supplier.simulator.booking.Driver;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes request and response bodies fit for a log: drivers' names become initials ({@code A***}),
 * wherever a {@code driver} object appears. A body that is not JSON is not shown at all, since it
 * cannot be masked.
 */
final class PayloadMasking {

  private final JsonMapper json;

  PayloadMasking(JsonMapper json) {
    this.json = json;
  }

  String mask(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException notJson) {
      return "<body that is not JSON, " + body.length() + " characters, not shown>";
    }
    maskDrivers(root);
    return json.writeValueAsString(root);
  }

  private static void maskDrivers(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode driver = object.get("driver");
      if (driver instanceof ObjectNode driverObject) {
        maskName(driverObject, "firstName");
        maskName(driverObject, "lastName");
      }
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        maskDrivers(field.getValue());
      }
    } else if (node != null && node.isArray()) {
      node.forEach(PayloadMasking::maskDrivers);
    }
  }

  private static void maskName(ObjectNode driver, String field) {
    JsonNode name = driver.get(field);
    if (name != null && !name.isNull()) {
      driver.put(field, Driver.maskName(name.isString() ? name.stringValue() : name.toString()));
    }
  }
}
