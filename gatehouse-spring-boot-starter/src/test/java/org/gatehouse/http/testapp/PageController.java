package org.gatehouse.http.testapp;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Renders a Thymeleaf page that uses the CSP nonce and an SRI hash. */
@TestComponent
@Controller
public class PageController {

	@GetMapping("/page")
	public String page() {
		return "httptest/page";
	}
}
