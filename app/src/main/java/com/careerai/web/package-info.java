/** The public site and the pages every university shares (home, OpenAPI document). */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "careerai-api",
                        version = "1.0",
                        description = "CareerAI JSON API. Every path is served on a university's host "
                                + "(<subdomain>.<base domain>); errors are {\"error\", \"message\", \"fields\"?}."))
package com.careerai.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
