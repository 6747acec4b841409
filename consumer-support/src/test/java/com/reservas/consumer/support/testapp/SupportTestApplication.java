package com.reservas.consumer.support.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal consumer service built on consumer-support: one listener, nothing else. */
@SpringBootApplication
public class SupportTestApplication {}
