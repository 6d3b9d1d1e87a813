// The resolved config printed back as YAML: every key, defaults included, numbers in their
// shortest exact form so that reading the text back gives the same config.
#include <yaml-cpp/yaml.h>

#include "sim/scenario/detail/values.hpp"
#include "sim/scenario/detail/yaml_text.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/world_loader.hpp"

namespace munisim {
namespace {

void emit(YAML::Emitter& out, bool value) { out << value; }
void emit(YAML::Emitter& out, int value) { out << value; }
void emit(YAML::Emitter& out, std::int64_t value) { out << value; }
void emit(YAML::Emitter& out, double value) { out << scenario_detail::number_text(value); }
void emit(YAML::Emitter& out, const std::string& value) { out << YAML::DoubleQuoted << value; }
void emit(YAML::Emitter& out, const Date& value) { out << value.to_string(); }
template <class T>
void emit(YAML::Emitter& out, const std::vector<T>& values) {
  out << YAML::Flow << YAML::BeginSeq;
  for (const T& value : values) emit(out, value);
  out << YAML::EndSeq;
}

class Writer {
 public:
  explicit Writer(YAML::Emitter& out) : out_(out) {}

  template <class T>
  void field(std::string_view key, const T& value, const schema::Field&) {
    key_of(key);
    emit(out_, value);
  }
  template <class S>
  void object(std::string_view key, S& value, const schema::Field&) {
    key_of(key);
    mapping(value);
  }
  template <class S>
  void list(std::string_view key, std::vector<S>& values, const schema::Field&) {
    key_of(key);
    if (values.empty()) {
      out_ << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
      return;
    }
    out_ << YAML::BeginSeq;
    for (S& value : values) mapping(value);
    out_ << YAML::EndSeq;
  }

  template <class S>
  void mapping(S& value) {
    out_ << YAML::BeginMap;
    value.visit(*this);
    out_ << YAML::EndMap;
  }

 private:
  void key_of(std::string_view key) { out_ << YAML::Key << std::string(key) << YAML::Value; }
  YAML::Emitter& out_;
};

template <class Config>
std::string config_yaml(Config copy) {  // a copy: visit() takes a mutable struct; printing must not change the caller's
  YAML::Emitter out;
  Writer writer(out);
  writer.mapping(copy);
  return std::string(out.c_str()) + "\n";
}

}  // namespace

std::string to_yaml(const ScenarioConfig& config) { return config_yaml(config); }

std::string to_yaml(const WorldConfig& config) { return config_yaml(config); }

template <class T>
std::string scenario_detail::yaml_text(const T& value) {
  YAML::Emitter out;
  emit(out, value);
  return out.c_str();
}

template std::string scenario_detail::yaml_text(const bool&);
template std::string scenario_detail::yaml_text(const int&);
template std::string scenario_detail::yaml_text(const std::int64_t&);
template std::string scenario_detail::yaml_text(const double&);
template std::string scenario_detail::yaml_text(const std::string&);
template std::string scenario_detail::yaml_text(const Date&);
template std::string scenario_detail::yaml_text(const std::vector<double>&);
template std::string scenario_detail::yaml_text(const std::vector<std::string>&);

}  // namespace munisim
