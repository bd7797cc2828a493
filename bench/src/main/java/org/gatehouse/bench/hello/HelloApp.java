package org.gatehouse.bench.hello;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Baseline for bench/run.sh: a bare Spring Boot web MVC app (spring-boot-starter-webmvc only, no security, no
 * database). {@code GET /hello} answers "hello"; {@code GET /health} answers the same JSON as Gatehouse so that one
 * readiness probe serves both.
 */
@SpringBootApplication
@RestController
public class HelloApp {

	@GetMapping("/hello")
	public String hello() {
		return "hello";
	}

	@GetMapping(path = "/health", produces = "application/json")
	public String health() {
		return "{\"status\":\"UP\"}";
	}

	public static void main(String[] args) {
		SpringApplication.run(HelloApp.class, args);
	}
}
