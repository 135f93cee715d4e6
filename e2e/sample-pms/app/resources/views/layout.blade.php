<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="app-version" content="{{ \App\Version::VERSION }}">
<title>{{ $title ?? 'Sample PMS' }}</title>
</head>
<body>
<nav><a href="/dashboard">Dashboard</a> · <a href="/rooms">Rooms</a> · <a href="/bookings">Bookings</a> · <a href="/folios">Folios</a></nav>
@yield('content')
<footer>Sample PMS release <span id="app-version">{{ \App\Version::VERSION }}</span></footer>
</body>
</html>
