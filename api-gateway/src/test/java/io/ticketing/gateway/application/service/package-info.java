@NullMarked
package io.ticketing.gateway.application.service;

import org.jspecify.annotations.NullMarked;
