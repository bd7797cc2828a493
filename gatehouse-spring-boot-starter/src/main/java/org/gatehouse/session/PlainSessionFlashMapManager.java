package org.gatehouse.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Keeps flash attributes (the notice after a redirect) in the session as plain maps and lists, which the session
 * stores' allow-listed JSON reads back; Spring MVC's own manager stores its FlashMap objects, a map subclass whose
 * target path and expiry JSON would drop.
 */
class PlainSessionFlashMapManager extends SessionFlashMapManager {

	static final String ATTRIBUTE = PlainSessionFlashMapManager.class.getName() + ".FLASH_MAPS";

	/** Takes the place of the manager Spring MVC configures, which has no other hook for this. */
	static BeanPostProcessor replacingSpringsManager() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean.getClass() == SessionFlashMapManager.class ? new PlainSessionFlashMapManager() : bean;
			}
		};
	}

	@Override
	protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof List<?> stored)) {
			return null;
		}
		List<FlashMap> flashMaps = new ArrayList<>();
		for (Object entry : stored) {
			if (entry instanceof Map<?, ?> plain) {
				flashMaps.add(flashMap(plain));
			}
		}
		return flashMaps;
	}

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request,
			HttpServletResponse response) {
		if (flashMaps.isEmpty()) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			return;
		}
		ArrayList<Map<String, Object>> plain = new ArrayList<>();
		flashMaps.forEach(flashMap -> plain.add(plain(flashMap)));
		request.getSession().setAttribute(ATTRIBUTE, plain);
	}

	private static Map<String, Object> plain(FlashMap flashMap) {
		Map<String, Object> plain = new HashMap<>();
		plain.put("attributes", new HashMap<>(flashMap));
		plain.put("path", flashMap.getTargetRequestPath());
		HashMap<String, ArrayList<String>> params = new HashMap<>();
		flashMap.getTargetRequestParams().forEach((name, values) -> params.put(name, new ArrayList<>(values)));
		plain.put("params", params);
		plain.put("expires", flashMap.getExpirationTime());
		return plain;
	}

	private static FlashMap flashMap(Map<?, ?> plain) {
		FlashMap flashMap = new FlashMap();
		if (plain.get("attributes") instanceof Map<?, ?> attributes) {
			attributes.forEach((name, value) -> flashMap.put(String.valueOf(name), value));
		}
		if (plain.get("path") instanceof String path) {
			flashMap.setTargetRequestPath(path);
		}
		if (plain.get("params") instanceof Map<?, ?> params) {
			LinkedMultiValueMap<String, String> values = new LinkedMultiValueMap<>();
			params.forEach((name, list) -> {
				if (list instanceof List<?> strings) {
					strings.forEach(value -> values.add(String.valueOf(name), String.valueOf(value)));
				}
			});
			flashMap.addTargetRequestParams(values);
		}
		if (plain.get("expires") instanceof Number expires) {
			flashMap.setExpirationTime(expires.longValue());
		}
		return flashMap;
	}
}
