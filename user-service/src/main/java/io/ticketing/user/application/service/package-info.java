@NullMarked
package io.ticketing.user.application.service;

import org.jspecify.annotations.NullMarked;
