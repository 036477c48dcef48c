@NullMarked
package io.ticketing.gateway.adapter.in.web;

import org.jspecify.annotations.NullMarked;
