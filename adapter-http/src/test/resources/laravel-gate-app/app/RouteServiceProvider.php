<?php
namespace App;

use Illuminate\Support\Facades\Route;

class RouteServiceProvider extends \Illuminate\Foundation\Support\Providers\RouteServiceProvider
{
    public function boot()
    {
        $this->routes(function () {
            $this->app['router']->get('/health', function () {
                return response()->json(['status' => 'ok', 'app_version' => '1.1.0', 'database' => 'ok', 'queue' => 'ok']);
            });
        });
    }
}
