package io.ticketing.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** What every service and the gateway refuse in JSON they read, servlet and reactive alike. */
@AutoConfiguration
@ConditionalOnClass(JsonMapper.class)
public class JsonInputAutoConfiguration {

    @Bean
    NulFreeStrings nulFreeStrings() {
        return new NulFreeStrings();
    }
}
