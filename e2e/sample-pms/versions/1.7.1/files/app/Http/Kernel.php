<?php

namespace App\Http;

use Illuminate\Contracts\Foundation\Application;
use Illuminate\Foundation\Http\Kernel as HttpKernel;
use Illuminate\Routing\Router;

class Kernel extends HttpKernel
{
    /*
     * The global middleware stack of the laravel/laravel 8.x skeleton, without Fruitcake's CORS
     * middleware (not packaged in Debian), plus the version header.
     */
    protected $middleware = [
        \App\Http\Middleware\TrustProxies::class,
        \App\Http\Middleware\PreventRequestsDuringMaintenance::class,
        \Illuminate\Foundation\Http\Middleware\ValidatePostSize::class,
        \App\Http\Middleware\TrimStrings::class,
        \Illuminate\Foundation\Http\Middleware\ConvertEmptyStringsToNull::class,
        \App\Http\Middleware\AppVersionHeader::class,
    ];

    // No sessions or cookies: the PMS pages here are read-only reports and a JSON API.
    protected $middlewareGroups = [
        'web' => [
            \Illuminate\Routing\Middleware\SubstituteBindings::class,
        ],
        'api' => [
            \Illuminate\Routing\Middleware\SubstituteBindings::class,
        ],
    ];

    /*
     * 1.7.1: the new kernel loads the rate-card extension first. It is not installed on this
     * server, so every web request ends in a PHP fatal error here, before Laravel's error
     * handling exists (artisan, which uses the console kernel, never notices).
     */
    public function __construct(Application $app, Router $router)
    {
        rate_card_extension_boot();
        parent::__construct($app, $router);
    }

    protected $routeMiddleware = [
        'bindings' => \Illuminate\Routing\Middleware\SubstituteBindings::class,
    ];
}
