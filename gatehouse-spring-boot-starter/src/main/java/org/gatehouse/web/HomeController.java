package org.gatehouse.web;

import org.gatehouse.config.GatehouseProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page of the accounts server; an embedding application turns it off and serves its own. */
@Controller
class HomeController {

	private final GatehouseProperties properties;

	HomeController(GatehouseProperties properties) {
		this.properties = properties;
	}

	@GetMapping("${gatehouse.urls.home:/}")
	public String home() {
		return properties.getTemplates().getHome();
	}
}
