package zeren.access.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document names how the API is called: HTTP Basic or a personal access token. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI zerenOpenApi() {
		return new OpenAPI()
				.info(new Info().title("Zeren (责任) API").version("v1").description(
						"Principal responsibility for Party conduct and clean government. Every answer is limited to the "
								+ "caller's grants; errors are RFC 9457 problem details naming the field or line at fault."))
				.components(new Components()
						.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
						.addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
								.description("A personal access token (zrn_…), created under 账户 or with POST /api/v1/users/{id}/tokens")))
				.addSecurityItem(new SecurityRequirement().addList("basic"))
				.addSecurityItem(new SecurityRequirement().addList("token"));
	}
}
