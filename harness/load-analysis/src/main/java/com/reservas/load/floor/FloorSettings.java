package com.reservas.load.floor;

/**
 * Where the floor finds the platform's servers, and how many threads it gives its parts.
 *
 * @param kafka the broker's bootstrap servers
 * @param jdbcUrl the database (the floor keeps one table of its own there)
 * @param stripe the Stripe stand-in's base URL
 * @param supplier the supplier simulator's base URL
 * @param partitions partitions of each of the floor's topics (the platform's default)
 * @param consumersPerGroup consumer threads of each group (the platform's listener concurrency)
 * @param apiThreads threads serving the floor's HTTP API
 */
record FloorSettings(
    String kafka,
    String jdbcUrl,
    String stripe,
    String supplier,
    int partitions,
    int consumersPerGroup,
    int apiThreads) {}
