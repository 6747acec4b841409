package com.reservas.local.registry;

/**
 * A request the registry refuses, with the HTTP status and the {@code error_code} Confluent Schema
 * Registry answers in the same case, so clients written for it recognise the error.
 */
public final class RegistryError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int errorCode;

  private RegistryError(int httpStatus, int errorCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  /** The HTTP status of the answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Confluent's {@code error_code}: the HTTP status or a five-digit refinement of it. */
  public int errorCode() {
    return errorCode;
  }

  static RegistryError subjectNotFound(String subject) {
    return new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
  }

  static RegistryError versionNotFound(int version) {
    return new RegistryError(404, 40402, "Version " + version + " not found.");
  }

  static RegistryError schemaNotFound(int id) {
    return new RegistryError(404, 40403, "Schema " + id + " not found");
  }

  static RegistryError schemaNotInSubject() {
    return new RegistryError(404, 40403, "Schema not found");
  }

  static RegistryError subjectLevelConfigNotFound(String subject) {
    return new RegistryError(
        404,
        40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  static RegistryError invalidSchema(String why) {
    return new RegistryError(422, 42201, "Invalid schema: " + why);
  }

  static RegistryError invalidVersion(String version) {
    return new RegistryError(
        422,
        42202,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
            + " \"latest\"");
  }

  static RegistryError incompatible(String subject, java.util.List<String> details) {
    return new RegistryError(
        409,
        409,
        "Schema being registered is incompatible with an earlier schema for subject \""
            + subject
            + "\", details: "
            + details);
  }

  static RegistryError badRequest(String why) {
    return new RegistryError(400, 400, why);
  }

  static RegistryError notFound() {
    return new RegistryError(404, 404, "HTTP 404 Not Found");
  }

  static RegistryError methodNotAllowed() {
    return new RegistryError(405, 405, "HTTP 405 Method Not Allowed");
  }

  static RegistryError internal(String why) {
    return new RegistryError(500, 50001, "Error in the backend data store: " + why);
  }
}
