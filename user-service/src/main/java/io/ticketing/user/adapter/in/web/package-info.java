@NullMarked
package io.ticketing.user.adapter.in.web;

import org.jspecify.annotations.NullMarked;
