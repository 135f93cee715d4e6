<?php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;
use RuntimeException;

/**
 * 1.7.2: once it is the release `current` points at, it reads its rate card through the
 * `current` link, where it expects a file only the old deploy script made: every request fails.
 * Served from its own folder (a private preview) it works, so only a check after the swap sees it.
 */
class ServedFromCurrent
{
    public function handle(Request $request, Closure $next)
    {
        $current = realpath(base_path('../../current'));
        if ($current !== false && $current === realpath(base_path())) {
            throw new RuntimeException('rate card missing at '.base_path('../../current/storage/app/rate-card.json'));
        }
        return $next($request);
    }
}
