package com.reservas.load.traffic;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Realistic, varied bodies for {@code POST /api/v1/reservations} (docs/spec.md §4): the seeded
 * airports weighted by traffic (Málaga rarely: its fleet is 2 cars per category, docs/spec.md §6),
 * the seeded ACRISS categories, suppliers that serve the offices, pickups within the next 75 days,
 * rentals of 1–14 days, customers whose names are written in several scripts, E.164 phones and
 * Stripe's test PaymentMethods, a few of them declined.
 *
 * <p>Phones have at most 12 digits, so no phone can look like a card number to the API.
 */
public final class ReservationBodies {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private record Weighted<T>(T value, int weight) {}

  private static final List<Weighted<String>> PICKUP_OFFICES =
      List.of(
          new Weighted<>("MAD-AIRPORT", 22),
          new Weighted<>("BCN-AIRPORT", 20),
          new Weighted<>("PMI-AIRPORT", 12),
          new Weighted<>("LPA-AIRPORT", 11),
          new Weighted<>("VLC-AIRPORT", 10),
          new Weighted<>("SVQ-AIRPORT", 10),
          new Weighted<>("BIO-AIRPORT", 9),
          new Weighted<>("AGP-AIRPORT", 1));

  /** One-way rentals stay on the mainland; island rentals return where they started. */
  private static final List<String> MAINLAND =
      List.of("MAD-AIRPORT", "BCN-AIRPORT", "VLC-AIRPORT", "SVQ-AIRPORT", "BIO-AIRPORT");

  private static final Set<String> ISLANDS = Set.of("PMI-AIRPORT", "LPA-AIRPORT");

  private static final List<Weighted<String>> CATEGORIES =
      List.of(
          new Weighted<>("CDMR", 25),
          new Weighted<>("ECMN", 20),
          new Weighted<>("MBMR", 15),
          new Weighted<>("CDAR", 15),
          new Weighted<>("IDAR", 10),
          new Weighted<>("SFAR", 10),
          new Weighted<>("PVAR", 5));

  /** NORTEAUTO rents only at BIO-AIRPORT, MAD-AIRPORT and MAD-ATOCHA, without minis and vans. */
  private static final Set<String> NORTEAUTO_OFFICES = Set.of("BIO-AIRPORT", "MAD-AIRPORT");

  private static final Set<String> NORTEAUTO_EXCLUDED = Set.of("MBMR", "PVAR");

  private static final List<Weighted<String>> TOKENS =
      List.of(
          new Weighted<>("pm_card_visa", 60),
          new Weighted<>("pm_card_mastercard", 36),
          new Weighted<>("pm_card_chargeDeclined", 4));

  /** A name and the country its phone comes from. */
  private record Person(String firstName, String lastName, String phonePrefix, int phoneDigits) {}

  private static final List<Weighted<List<Person>>> PEOPLE =
      List.of(
          new Weighted<>(
              List.of(
                  new Person("Ana", "García Núñez", "+346", 8),
                  new Person("José Luis", "Martínez Peña", "+346", 8),
                  new Person("María Jesús", "Ibáñez", "+347", 8),
                  new Person("Íñigo", "Etxeberría", "+346", 8),
                  new Person("Begoña", "Muñoz-Sáez", "+346", 8),
                  new Person("Raúl", "Cañizares", "+347", 8),
                  new Person("Núria", "Puig i Solà", "+346", 8),
                  new Person("João", "Gonçalves", "+3519", 8)),
              45),
          new Weighted<>(
              List.of(
                  new Person("Jürgen", "Müller", "+49151", 7),
                  new Person("François", "Lefèvre", "+336", 8),
                  new Person("Siobhán", "O'Brien", "+35386", 7),
                  new Person("Søren", "Kierkegård", "+454", 7),
                  new Person("Łukasz", "Wiśniewski", "+4850", 7),
                  new Person("Jean-Luc", "Dubois", "+337", 8),
                  new Person("J. R.", "Smith-Jones", "+447", 9),
                  new Person("Zoë", "Brontë", "+447", 9)),
              20),
          new Weighted<>(
              List.of(
                  new Person("Γιώργος", "Παπαδόπουλος", "+3069", 8),
                  new Person("Ελένη", "Κωνσταντίνου", "+3069", 8)),
              7),
          new Weighted<>(
              List.of(
                  new Person("Иван", "Петров", "+79", 9),
                  new Person("Ольга", "Смирнова-Козлова", "+79", 9),
                  new Person("Олександр", "Шевченко", "+38067", 7)),
              8),
          new Weighted<>(
              List.of(
                  new Person("محمد", "العلي", "+9715", 8),
                  new Person("فاطمة", "الزهراء", "+9665", 8)),
              7),
          new Weighted<>(
              List.of(
                  new Person("伟", "王", "+8529", 7),
                  new Person("さくら", "佐藤", "+8190", 8),
                  new Person("健太", "山田", "+8180", 8),
                  new Person("민준", "김", "+8210", 8),
                  new Person("서연", "이", "+8210", 8)),
              13));

  private static final List<String> EMAIL_DOMAINS =
      List.of("example.com", "example.org", "example.net", "mail.example.com");

  private final Random random;
  private final LocalDate today;

  public ReservationBodies(Random random, LocalDate today) {
    this.random = random;
    this.today = today;
  }

  /** The JSON body of one reservation request. */
  public String next() {
    String pickupOffice = pick(PICKUP_OFFICES);
    String dropoffOffice = dropoffFor(pickupOffice);
    String category = pick(CATEGORIES);
    String supplier = supplierFor(pickupOffice, dropoffOffice, category);

    LocalDateTime pickupAt =
        today
            .plusDays(1 + random.nextInt(75))
            .atTime(6 + random.nextInt(17), 15 * random.nextInt(4));
    LocalDateTime dropoffAt =
        pickupAt
            .toLocalDate()
            .plusDays(1 + random.nextInt(14))
            .atTime(6 + random.nextInt(17), 15 * random.nextInt(4));

    List<Person> script = pick(PEOPLE);
    Person person = script.get(random.nextInt(script.size()));
    String email = emailFor(person);
    String phone = person.phonePrefix() + digits(person.phoneDigits());

    return """
        {"customer":{"firstName":"%s","lastName":"%s","email":"%s","phone":"%s"},\
        "vehicle":{"categoryCode":"%s","supplierCode":"%s"},\
        "pickup":{"officeCode":"%s","at":"%s"},\
        "dropoff":{"officeCode":"%s","at":"%s"},\
        "payment":{"paymentMethodToken":"%s"}}"""
        .formatted(
            json(person.firstName()),
            json(person.lastName()),
            json(email),
            phone,
            category,
            supplier,
            pickupOffice,
            LOCAL.format(pickupAt),
            dropoffOffice,
            LOCAL.format(dropoffAt),
            pick(TOKENS));
  }

  private String dropoffFor(String pickupOffice) {
    if (ISLANDS.contains(pickupOffice) || random.nextInt(100) < 75) {
      return pickupOffice;
    }
    return MAINLAND.get(random.nextInt(MAINLAND.size()));
  }

  private String supplierFor(String pickupOffice, String dropoffOffice, String category) {
    boolean norteAutoServes =
        NORTEAUTO_OFFICES.contains(pickupOffice)
            && NORTEAUTO_OFFICES.contains(dropoffOffice)
            && !NORTEAUTO_EXCLUDED.contains(category);
    if (norteAutoServes && random.nextInt(100) < 30) {
      return "NORTEAUTO";
    }
    return random.nextInt(100) < 55 ? "IBERCAR" : "SOLRENT";
  }

  private String emailFor(Person person) {
    String first = ascii(person.firstName());
    String last = ascii(person.lastName());
    String local =
        first.isEmpty() || last.isEmpty()
            ? "guest" + random.nextInt(1_000_000)
            : first + "." + last + random.nextInt(10_000);
    return local + "@" + EMAIL_DOMAINS.get(random.nextInt(EMAIL_DOMAINS.size()));
  }

  /** Latin names without their accents, lower case, letters only; empty for other scripts. */
  private static String ascii(String name) {
    String stripped =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace("ł", "l")
            .replace("Ł", "L")
            .replace("ø", "o")
            .toLowerCase(Locale.ROOT);
    return stripped.replaceAll("[^a-z]", "");
  }

  private String digits(int count) {
    StringBuilder out = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  private <T> T pick(List<Weighted<T>> choices) {
    int total = choices.stream().mapToInt(Weighted::weight).sum();
    int r = random.nextInt(total);
    for (Weighted<T> choice : choices) {
      r -= choice.weight();
      if (r < 0) {
        return choice.value();
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
