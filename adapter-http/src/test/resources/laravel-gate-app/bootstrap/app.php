<?php
// The smallest Laravel 8 app on Debian's php-laravel-framework with the real maintenance middleware
// (PreventRequestsDuringMaintenance) and a /health route: what LaravelGateTest probes.
$app = new Illuminate\Foundation\Application(dirname(__DIR__));
$app->singleton(Illuminate\Contracts\Http\Kernel::class, App\Http\Kernel::class);
$app->singleton(Illuminate\Contracts\Console\Kernel::class, App\Console\Kernel::class);
$app->singleton(Illuminate\Contracts\Debug\ExceptionHandler::class, App\Exceptions\Handler::class);
return $app;
